package io.vigil.detect.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

/**
 * Two versions of a rule side by side, line by line: the lines of each with their numbers, paired where
 * they match or one replaced the other. The page escapes the text; the generator must not (its default
 * would escape it twice).
 */
public record RuleDiff(int from, int to, List<Row> rows, int changed) {

    /** One row: the old line and the new (either may be absent, number 0), and how they differ. */
    public record Row(String kind, int oldNumber, String oldLine, int newNumber, String newLine) {
    }

    private static final DiffRowGenerator GENERATOR = DiffRowGenerator.create().showInlineDiffs(false)
            .lineNormalizer(Function.identity()).build();

    public static RuleDiff of(int from, String oldYaml, int to, String newYaml) {
        List<Row> rows = new ArrayList<>();
        int oldNumber = 0;
        int newNumber = 0;
        int changed = 0;
        for (DiffRow row : GENERATOR.generateDiffRows(lines(oldYaml), lines(newYaml))) {
            DiffRow.Tag tag = row.getTag();
            boolean hasOld = tag != DiffRow.Tag.INSERT;
            boolean hasNew = tag != DiffRow.Tag.DELETE;
            oldNumber += hasOld ? 1 : 0;
            newNumber += hasNew ? 1 : 0;
            changed += tag == DiffRow.Tag.EQUAL ? 0 : 1;
            rows.add(new Row(tag.name().toLowerCase(java.util.Locale.ROOT), hasOld ? oldNumber : 0,
                    hasOld ? row.getOldLine() : "", hasNew ? newNumber : 0, hasNew ? row.getNewLine() : ""));
        }
        return new RuleDiff(from, to, rows, changed);
    }

    private static List<String> lines(String yaml) {
        String text = yaml == null ? "" : yaml.replace("\r\n", "\n");
        return List.of(text.endsWith("\n")
                ? text.substring(0, text.length() - 1).split("\n", -1)
                : text.split("\n", -1));
    }
}
