package io.vigil.search;

import java.util.Objects;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Lucene's classic parser for checking and reading queries, without building what it would need to run
 * them: a wildcard or regular expression is kept as its text ({@link Pattern}) instead of being turned
 * into an automaton, which for {@code /a{1000}{1000}{1000}/} would fill the heap. OpenSearch, which runs
 * the query, applies its own limits.
 */
final class SafeQueryParser extends QueryParser {

    /** Longer queries are refused before parsing. */
    static final int MAX_LENGTH = 20_000;

    SafeQueryParser(String defaultField, Analyzer analyzer) {
        super(defaultField, analyzer);
        setAllowLeadingWildcard(true);
    }

    @Override
    protected Query newWildcardQuery(Term term) {
        return new Pattern(term, false);
    }

    @Override
    protected Query newRegexpQuery(Term regexp) {
        return new Pattern(regexp, true);
    }

    /** A wildcard ({@code regex} false) or regular expression term, as written. */
    static final class Pattern extends Query {

        final Term term;
        final boolean regex;

        Pattern(Term term, boolean regex) {
            this.term = term;
            this.regex = regex;
        }

        @Override
        public String toString(String field) {
            String text = regex ? "/" + term.text() + "/" : term.text();
            return term.field().equals(field) ? text : term.field() + ":" + text;
        }

        @Override
        public void visit(QueryVisitor visitor) {
            visitor.visitLeaf(this);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Pattern p && p.term.equals(term) && p.regex == regex;
        }

        @Override
        public int hashCode() {
            return Objects.hash(term, regex);
        }
    }
}
