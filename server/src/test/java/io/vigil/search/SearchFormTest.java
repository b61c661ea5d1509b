package io.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SearchFormTest {

    private static String q(String url) {
        String query = url.substring(url.indexOf("q=") + 2, url.indexOf("&from="));
        return URLDecoder.decode(query, StandardCharsets.UTF_8);
    }

    @Test
    void filterForAndOutKeepTheQueryAndItsPipes() {
        var form = SearchForm.of("eventName:GetObject | top 5 source.ip", "now-7d", "now", null);
        assertThat(q(form.refine("user.name", "bob \"the\" admin", false)))
                .isEqualTo("(eventName:GetObject) AND user.name:\"bob \\\"the\\\" admin\" | top 5 source.ip");
        assertThat(q(form.refine("@timestamp", "x", true)))
                .isEqualTo("(eventName:GetObject) AND NOT @timestamp:\"x\" | top 5 source.ip");
        assertThat(q(SearchForm.of("", null, null, null).refine("source.ip", "10.0.0.1", true)))
                .isEqualTo("* AND NOT source.ip:\"10.0.0.1\"");
    }

    @Test
    void aPivotSearchesOnlyTheValueInTheSameRange() {
        var form = SearchForm.of("eventName:GetObject", "now-7d", "now", "user.name");
        String url = form.pivot("requestParameters.bucket Name", "logs");
        assertThat(q(url)).isEqualTo("requestParameters.bucket\\ Name:\"logs\"");
        assertThat(url).contains("from=now-7d").contains("cols=user.name");
    }

    @Test
    void columnsToggleAndDefault() {
        var form = SearchForm.of("", null, null, "user.name,source.ip");
        assertThat(form.toggleColumn("source.ip")).endsWith("cols=user.name");
        assertThat(form.toggleColumn("host.name")).endsWith("cols=user.name%2Csource.ip%2Chost.name");
        assertThat(SearchForm.of("", null, null, null).columns()).isEqualTo(ResultsTable.DEFAULT_COLUMNS);
        assertThat(form.customRange()).isFalse();
        assertThat(SearchForm.of("", "2026-11-21T00:00:00Z", "now", null).customRange()).isTrue();
    }
}
