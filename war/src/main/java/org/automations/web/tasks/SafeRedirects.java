package org.automations.web.tasks;

/**
 * Where a form page may send the person after a valid submission. The {@code back} parameter
 * comes from the URL, so it is accepted only as a path on this site: it starts with exactly one
 * {@code /}, and holds no backslash, no control character and no scheme. Anything else
 * ({@code //evil.example}, {@code http://...}, {@code /\evil}) is ignored: never an open redirect.
 */
public final class SafeRedirects {

    private SafeRedirects() {
    }

    /** Whether the value is a path on this site. */
    public static boolean isLocalPath(String path) {
        if (path == null || path.length() > 2000 || !path.startsWith("/") || path.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f || Character.isWhitespace(c)) {
                return false;
            }
        }
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        return !lower.contains("%2f%2f") && !lower.contains("%5c") && !lower.startsWith("/%2f") && !lower.contains("%0d")
                && !lower.contains("%0a");
    }

    /**
     * The URL to redirect to: a local path relative to the application (it gets the context path,
     * unless it has it already), or {@code null} when it is no local path.
     */
    public static String localUrl(String contextPath, String path) {
        if (!isLocalPath(path)) {
            return null;
        }
        if (!contextPath.isEmpty() && (path.equals(contextPath) || path.startsWith(contextPath + "/"))) {
            return path;
        }
        return contextPath + path;
    }
}
