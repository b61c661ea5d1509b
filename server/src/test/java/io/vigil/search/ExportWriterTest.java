package io.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExportWriterTest {

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertThat(ExportWriter.Csv.cell("plain")).isEqualTo("plain");
        assertThat(ExportWriter.Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(ExportWriter.Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ExportWriter.Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ExportWriter.Csv.cell("-1")).isEqualTo("'-1");
        assertThat(ExportWriter.Csv.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
    }
}
