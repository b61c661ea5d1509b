package io.vigil.search;

import java.io.IOException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Keeps each term or quoted phrase as one token, case and all, as Vigil's keyword fields store values:
 * a query read back into parts (a rule draft) then has the values the user typed.
 */
final class WholeValueAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new WholeValue());
    }

    private static final class WholeValue extends Tokenizer {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private boolean done;

        @Override
        public boolean incrementToken() throws IOException {
            if (done) {
                return false;
            }
            clearAttributes();
            char[] buffer = new char[256];
            for (int n = input.read(buffer); n > 0; n = input.read(buffer)) {
                term.append(new String(buffer, 0, n));
            }
            done = true;
            return term.length() > 0;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            done = false;
        }
    }
}
