package org.automations.it;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver (installed by .ci/run), headless, with a fresh profile and
 * without the background traffic this machine's closed network would refuse.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    public static ChromeDriver open(Path profile, String... extraArguments) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        List<String> arguments = new ArrayList<>(List.of("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--lang=en-US"));
        arguments.addAll(List.of(extraArguments));
        options.addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Paths.get("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
