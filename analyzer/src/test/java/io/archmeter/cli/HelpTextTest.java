package io.archmeter.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("the help text")
class HelpTextTest {

    /** Every command's name, the root ("archmeter") first. */
    static Stream<String> commands() {
        List<String> names = new ArrayList<>();
        names.add("archmeter");
        names.addAll(Main.commandLine().getSubcommands().keySet());
        return names.stream();
    }

    private static CommandLine command(String name, int width) {
        CommandLine root = Main.commandLine();
        root.setUsageHelpWidth(width);
        return name.equals("archmeter") ? root : root.getSubcommands().get(name);
    }

    /**
     * The sections whose line breaks the authors choose: everything but the synopsis, the exit codes
     * and the command list (one line per command, tested below).
     */
    private static String sections(CommandLine cl) {
        CommandLine.Help h = cl.getHelp();
        return String.join("\n", h.header(), h.description(), h.parameterList(), h.optionList(), h.footer());
    }

    /**
     * Ragged help comes from a line broken by hand that picocli then wraps again, leaving a stump
     * (issue 10). So a line that picocli wraps at the usage width must be a whole paragraph: it
     * ends a sentence, and the line after it does not continue it (a continuation starts in
     * lowercase). Lines that fit are free to be broken by hand.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aLineThatPicocliWrapsIsAWholeParagraphNeverAHandBrokenPiece(String name) {
        List<String> lines = sections(command(name, 10_000)).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() <= Main.USAGE_WIDTH) {
                continue;
            }
            String text = line.strip();
            assertTrue(text.endsWith(".") || text.endsWith(":") || text.endsWith(")") || text.endsWith("?"),
                    name + ": a line picocli wraps at width " + Main.USAGE_WIDTH + " does not end a sentence: " + text);
            String next = i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
            assertFalse(!next.isEmpty() && Character.isLowerCase(next.charAt(0)) && lines.get(i + 1).startsWith(" "),
                    name + ": a wrapped line is continued by the next, broken by hand: " + text + " / " + next);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void usageFitsTheWidthAndExamplesStayOnOneLine(String name) {
        String usage = command(name, Main.USAGE_WIDTH).getUsageMessage();
        for (String line : usage.lines().toList()) {
            assertTrue(line.length() <= Main.USAGE_WIDTH, name + ": " + line.length() + " columns: " + line);
        }
        // an example is a line that starts with "  archmeter "; it must run on to its end (no continuation line)
        List<String> lines = usage.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("  archmeter ") && i + 1 < lines.size()) {
                String next = lines.get(i + 1);
                assertTrue(next.isBlank() || next.startsWith("  archmeter ") || lines.get(i).endsWith("\\"),
                        name + ": the example is cut: " + lines.get(i) + " / " + next);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void exitCodeTablesHaveOneNumericCodePerEntry(String name) {
        Map<String, String> codes = command(name, Main.USAGE_WIDTH).getCommandSpec().usageMessage().exitCodeList();
        for (Map.Entry<String, String> e : codes.entrySet()) {
            assertTrue(e.getKey().strip().matches("\\d+"), name + ": exit code '" + e.getKey() + "' is not a number");
            assertTrue(!e.getValue().isBlank(), name + ": exit code " + e.getKey() + " has no description");
        }
    }

    @Test
    void theCommandListGivesEachCommandAWholeSentence() {
        CommandLine root = Main.commandLine();
        String list = root.getHelp().commandList();
        for (String sub : root.getSubcommands().keySet()) {
            String line = list.lines().filter(l -> l.strip().startsWith(sub + " ")).findFirst().orElseThrow();
            assertTrue(line.strip().endsWith("."), "the command list cuts " + sub + "'s description: " + line);
        }
    }

    @Test
    void helpWithoutArgumentsPrintsTheCommandList() {
        InProcessRun r = InProcessRun.of("help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Usage: archmeter [-hV] COMMAND"), r.out());
        assertTrue(r.out().contains("Commands:") && r.out().contains("  summary ") && r.out().contains("  help "), r.out());
        assertTrue(r.out().contains("Exit codes:"), r.out());
    }

    @ParameterizedTest(name = "archmeter help {0}")
    @MethodSource("commands")
    void helpCommandPrintsTheCommandsOwnUsage(String name) {
        if (name.equals("archmeter")) {
            return;
        }
        InProcessRun r = InProcessRun.of("help", name);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Usage: archmeter " + name + " "), r.out());
        assertEquals(InProcessRun.of(name, "--help").out(), r.out(), "the same text as " + name + " --help");
    }

    @Test
    void anUnknownCommandIsAUsageErrorNamingIt() {
        InProcessRun r = InProcessRun.of("sumary");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("'sumary'"), r.err());
    }
}
