package io.vigil.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.detect.match.JsonEventFields;
import io.vigil.detect.match.RuleMatcher;
import io.vigil.detect.sigma.SigmaRule;
import io.vigil.testing.WindowsEventLogs;

/**
 * SigmaHQ's {@code regression_data} against the reference's run of it ({@code regression_check_sqlite.csv}:
 * per rule its event file, the expected minimum from {@code info.yml}, the reference's match count and
 * status). Each rule is one decision: does Vigil's count of matching events in the rule's file equal the
 * reference's? Where the reference failed (status {@code ERROR}) it made no decision; then Vigil is
 * judged against {@code info.yml} (at least the expected count, at least one when none is given), and a
 * pass is explained only when the reference's error is the known quoting bug (see {@link #quotingBug}).
 *
 * <p>
 * Events are the JSON rendering of EVTX records ({@code Event.System}, {@code Event.EventData} or
 * {@code UserData}); they are flattened to Sigma's Windows field names: the scalar {@code System}
 * fields ({@code EventID}, {@code Channel}, {@code Computer}...), {@code Provider_Name}, and the
 * {@code EventData}/{@code UserData} fields.
 */
final class RegressionData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegressionData() {
    }

    /** @param rules compiled rules by path relative to the SigmaHQ folder */
    static SetOutcome judge(Path sigma, Path csv, Map<String, SigmaRule> rules) throws IOException {
        List<String> rows = Files.readAllLines(csv);
        List<String> header = Fail2banLabels.fields(rows.get(0));
        SetOutcome outcome = new SetOutcome("regression_data (" + (rows.size() - 1) + " rules)", "rule");
        for (String row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            List<String> cells = Fail2banLabels.fields(row);
            String rulePath = cells.get(header.indexOf("rule"));
            String status = cells.get(header.indexOf("status"));
            String referenceCount = cells.get(header.indexOf("matched"));
            String expectedMin = cells.get(header.indexOf("expected_min"));
            SigmaRule rule = rules.get(rulePath);
            String item = cells.get(header.indexOf("rule_id")) + " " + rulePath;
            if (rule == null) {
                outcome.difference(item + ": Vigil did not compile the rule (reference " + status + ")");
                continue;
            }
            item = rule.id() + " \"" + rule.title() + "\" on " + cells.get(header.indexOf("json"));
            int vigil = count(rule, sigma.resolve(cells.get(header.indexOf("json"))));
            outcome.positives(vigil > 0, !referenceCount.isEmpty() && Integer.parseInt(referenceCount) > 0);
            if (status.equals("ERROR")) {
                int min = expectedMin.isEmpty() ? 1 : Integer.parseInt(expectedMin);
                String detail = item + ": reference " + cells.get(header.indexOf("error")) + "; Vigil matched " + vigil
                        + " events, info.yml expects at least " + min;
                if (vigil >= min && quotingBug(rule, cells.get(header.indexOf("error")))) {
                    outcome.explained("the reference's SQLite back end escapes a single quote inside a value with a"
                            + " backslash instead of doubling it, so its SQL string literal ends early and SQLite"
                            + " fails (OperationalError: unrecognized token); the rule's value contains \\' and"
                            + " Vigil meets info.yml's expected count", detail);
                } else {
                    outcome.difference(detail);
                }
            } else if (Integer.toString(vigil).equals(referenceCount)) {
                outcome.agree();
            } else {
                outcome.difference(item + ": Vigil matched " + vigil + " events, reference " + referenceCount + " ("
                        + status + ", info.yml expects at least " + (expectedMin.isEmpty() ? "1" : expectedMin) + ")");
            }
        }
        return outcome;
    }

    /**
     * The reference's SQLite error is a tokenizer error, and the rule holds a single quote escaped with a
     * backslash ({@code \'}) in a value: the string the reference could not quote.
     */
    static boolean quotingBug(SigmaRule rule, String error) {
        return error.startsWith("OperationalError: unrecognized token") && rule.yaml().contains("\\'");
    }

    private static int count(SigmaRule rule, Path file) throws IOException {
        RuleMatcher matcher = RuleMatcher.of(rule);
        int matched = 0;
        for (JsonNode event : WindowsEventLogs.read(file)) {
            if (matcher.matches(new JsonEventFields(WindowsEventLogs.flatten(event)))) {
                matched++;
            }
        }
        return matched;
    }

}
