package org.automations.it;

import java.io.IOException;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/** HtmlUnit as the page tests use it: no JavaScript or CSS, status codes are for the test to check. */
public final class HtmlUnitBrowser {

    private HtmlUnitBrowser() {
    }

    public static WebClient open() {
        WebClient browser = new WebClient();
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        return browser;
    }

    /** Fills in the login page's form and submits it; returns the page the login leads to. */
    public static HtmlPage logIn(HtmlPage login, String user, String password) throws IOException {
        HtmlForm form = login.getHtmlElementById("login");
        form.getInputByName("j_username").setValue(user);
        form.getInputByName("j_password").setValue(password);
        return login.<HtmlButton>getHtmlElementById("login-submit").click();
    }
}
