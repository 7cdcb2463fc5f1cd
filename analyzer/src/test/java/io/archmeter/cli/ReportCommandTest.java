package io.archmeter.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportCommandTest {
    /** The bundled dataset, from the analyzer module's directory (where Surefire runs). */
    static final Path DATASET = Path.of("..", "datasets", "candidates.csv");
    /** Set (to anything) where the browser check must run: CI sets it after installing Chromium. */
    static final String REQUIRE_BROWSER = "ARCHMETER_REQUIRE_BROWSER";

    @TempDir
    Path tmp;

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    @Test
    void theReportIsOnePageWithAChartPerColumnAndNothingFromTheNetwork() throws IOException {
        Path html = tmp.resolve("report.html");
        Path svgs = tmp.resolve("charts");
        InProcessRun r = InProcessRun.of("report", file(StatsCommandTest.CSV),
                "--input", "1x1x4", "--columns", "macs,params,acc", "--budget", "macs=40", "-o", html.toString(), "--svg", svgs.toString(),
                "--quiet");
        assertEquals(0, r.exit(), r.err());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>"), page.substring(0, 40));
        // the scatter and one histogram per column
        assertEquals(1 + 3, count(page, "<svg "));
        assertTrue(page.contains("acc against macs"), "default scatter: macs against acc when there is an acc column");
        assertTrue(page.contains("≤ 40"), "the budget line on the macs axis");
        assertTrue(page.contains("Pareto front of all rows (macs min, acc max): 4 rows"));
        // self-contained: no script, no stylesheet or image from elsewhere; the only URL is the SVG namespace
        assertFalse(page.contains("<script"));
        assertFalse(page.contains("<link"));
        assertFalse(page.contains("url("));
        assertEquals(count(page, "http"), count(page, "http://www.w3.org/2000/svg"));
        for (String name : List.of("scatter.svg", "histogram-macs.svg", "histogram-params.svg", "histogram-acc.svg")) {
            String svg = Files.readString(svgs.resolve(name));
            assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), name);
            assertTrue(page.contains(svg), name + " is the chart of the page");
        }
    }

    @Test
    void aPageAndChartsThatCannotAllBeWrittenLeaveThePreviousPageAsItWas() throws IOException {
        Path html = tmp.resolve("report.html");
        Files.writeString(html, "previous");
        // --svg names a file, not a directory: nothing is written, the previous page stays
        Path notADirectory = Files.writeString(tmp.resolve("charts"), "a file");
        InProcessRun r = InProcessRun.of("report", file(StatsCommandTest.CSV), "--input", "1x1x4", "-o", html.toString(), "--svg",
                notADirectory.toString(), "--quiet");
        assertEquals(ExitCode.USAGE, r.exit(), r.err());
        assertTrue(r.err().contains("is a file: name a directory"), r.err());
        assertEquals("previous", Files.readString(html));
    }

    @Test
    void withoutAnAccColumnTheScatterIsMacsAgainstParams() throws IOException {
        Path html = tmp.resolve("report.html");
        String csv = "id,arch\n1,fc_c10\n2,fc_c20\n";
        InProcessRun r = InProcessRun.of("report", file(csv), "--input", "1x1x4", "-o", html.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(html).contains("params against macs"));
    }

    @Test
    void aPassThroughColumnOnAnAxisMustSayWhichWayIsBetter() throws IOException {
        InProcessRun r = InProcessRun.of("report", file(StatsCommandTest.CSV), "--y", "acc", "-o", tmp.resolve("r.html").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("acc:max or acc:min"), r.err());
        assertFalse(Files.exists(tmp.resolve("r.html")));
    }

    private String file(String text) throws IOException {
        return Files.writeString(tmp.resolve("in.csv"), text).toString();
    }

    /** Chromium's command, or null if none is installed. */
    static String chromium() {
        for (String c : List.of("chromium", "chromium-browser", "chromium-headless-shell", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, c))) {
                    return Path.of(dir, c).toString();
                }
            }
        }
        return null;
    }

    /** Runs headless Chromium on {@code page} with {@code args}; returns its stdout. */
    static String browse(String browser, Path profile, Path page, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        cmd.add(page.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, p.exitValue(), "chromium failed: " + cmd);
        return new String(out, StandardCharsets.UTF_8);
    }

    /**
     * The report of the bundled dataset, opened in a real browser: the DOM has every chart, laid out
     * (Chromium's serialised DOM after load), and the screenshot shows them: not a blank page, the
     * sample's blue dots and bars, the front's red and the budgets' green in the amounts expected.
     */
    @Test
    void theReportOfTheBundledDatasetRendersWithItsChartsInHeadlessChromium() throws Exception {
        String browser = chromium();
        if (browser == null) {
            if (System.getenv(REQUIRE_BROWSER) != null) {
                throw new AssertionError("no chromium on the PATH, and " + REQUIRE_BROWSER + " is set");
            }
            Assumptions.abort("no chromium on the PATH (apt-get install -y chromium); set " + REQUIRE_BROWSER + " to make this a failure");
        }
        Path html = tmp.resolve("report.html");
        InProcessRun r = InProcessRun.of("report", DATASET.toString(), "-o", html.toString(), "--budget", "macs=300M,1G", "--quiet");
        assertEquals(0, r.exit(), r.err());

        String dom = browse(browser, tmp.resolve("profile-dom"), html, "--dump-dom");
        assertEquals(10, count(dom, "<svg "), "the scatter and 9 histograms in the loaded DOM");
        assertTrue(dom.contains("</html>"));

        Path png = tmp.resolve("report.png");
        browse(browser, tmp.resolve("profile-shot"), html, "--screenshot=" + png, "--window-size=1280,1400");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1280, img.getWidth());
        assertEquals(1400, img.getHeight());
        PixelCounts c = PixelCounts.of(img);
        assertTrue(c.nonWhite > 0.05 * c.total, "not a blank page: " + c);
        assertTrue(c.blue > 5000, "the sample's dots and the histogram bars: " + c);
        assertTrue(c.red > 40, "the Pareto front: " + c);
        assertTrue(c.green > 200, "the budget lines: " + c);
    }

    /** Pixel statistics of a screenshot: how many are not white, and how many are near each chart colour. */
    record PixelCounts(long total, long nonWhite, long blue, long red, long green) {
        static PixelCounts of(BufferedImage img) {
            long nonWhite = 0;
            long blue = 0;
            long red = 0;
            long green = 0;
            for (int yy = 0; yy < img.getHeight(); yy++) {
                for (int xx = 0; xx < img.getWidth(); xx++) {
                    int rgb = img.getRGB(xx, yy);
                    int r = rgb >> 16 & 0xff;
                    int g = rgb >> 8 & 0xff;
                    int b = rgb & 0xff;
                    if (r < 245 || g < 245 || b < 245) {
                        nonWhite++;
                    }
                    // #4477aa (bars), and the dots' translucent blue over white: blue well above red
                    if (b > 150 && b - r > 50 && g > r) {
                        blue++;
                    }
                    if (r > 180 && g < 90 && b < 90) {       // #d62728
                        red++;
                    }
                    if (g > 120 && g - r > 60 && g - b > 40) { // #2a9d3a
                        green++;
                    }
                }
            }
            return new PixelCounts((long) img.getWidth() * img.getHeight(), nonWhite, blue, red, green);
        }
    }
}
