package io.vigil.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.vigil.detect.match.RuleMatcher;
import io.vigil.detect.match.RuleSet;

/**
 * JMH benchmarks of the matcher alone, run by {@link MatcherBench} ({@code ./vigil bench matcher}). One
 * invocation checks one event against all rules, walking round the workload's events, so the score
 * (operations per second) is events per second, every event weighing the same as in a full pass. One
 * event rather than a whole pass per invocation because {@code @OperationsPerInvocation} must be a
 * constant and the number of corpus events is not. One thread: the figures are per core.
 *
 * <p>No JVM options beyond JMH's defaults: the rules are parsed and matched with the default thread stack
 * today (the parser reports too deep YAML itself), and the launcher passes the corpora folder to the
 * forks as {@code -Dvigil.corpora}, which would replace any {@code jvmArgsAppend} given here.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class MatcherJmh {

    /** System property naming the corpora folder in the forked JVMs. */
    static final String CORPORA_PROPERTY = "vigil.corpora";

    /** Rules and parsed events, loaded once per fork; setup time is not measured. */
    @State(Scope.Benchmark)
    public static class Corpus {

        RuleSet set;
        RuleMatcher[] all;
        MatcherCorpus.Sample[] cloudtrail;
        MatcherCorpus.Sample[] windows;
        MatcherCorpus.Sample[] mixed;

        @Setup(Level.Trial)
        public void load() throws IOException {
            MatcherCorpus corpus = MatcherCorpus
                    .load(Path.of(System.getProperty(CORPORA_PROPERTY, MatcherCorpus.DEFAULT_CORPORA)));
            set = corpus.set;
            all = corpus.all.toArray(RuleMatcher[]::new);
            cloudtrail = shuffled(corpus.cloudtrail);
            windows = shuffled(corpus.windows);
            mixed = shuffled(corpus.mixed);
        }

        /**
         * The events in a fixed random order. An iteration of brute force gets through only a pass or two
         * of them; in file order its stretch would be mostly CloudTrail or mostly Windows events, in this
         * order any stretch is a fair sample of the mix. The seed is fixed so that runs compare.
         */
        private static MatcherCorpus.Sample[] shuffled(List<MatcherCorpus.Sample> samples) {
            List<MatcherCorpus.Sample> copy = new ArrayList<>(samples);
            Collections.shuffle(copy, new Random(42));
            return copy.toArray(MatcherCorpus.Sample[]::new);
        }
    }

    /**
     * Next event of the workload; one trial runs one benchmark, so one cursor serves them all. A workload
     * without events fails on its first invocation: the launcher leaves such workloads out.
     */
    private int cursor;

    /** CloudTrail and Windows events through {@link RuleSet}: logsource buckets and the candidate index. */
    @Benchmark
    public int dispatched(Corpus corpus) {
        MatcherCorpus.Sample s = next(corpus.mixed);
        return corpus.set.matching(s.event(), s.context()).size();
    }

    /**
     * The same events, every rule's matcher on every event. Over a hundred times slower (some 6 ms an
     * event): fewer, longer iterations, each of them still more than a pass over the events.
     */
    @Benchmark
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 10)
    public int bruteForce(Corpus corpus) {
        MatcherCorpus.Sample s = next(corpus.mixed);
        int n = 0;
        for (RuleMatcher m : corpus.all) {
            if (m.matches(s.event())) {
                n++;
            }
        }
        return n;
    }

    @Benchmark
    public int cloudTrail(Corpus corpus) {
        MatcherCorpus.Sample s = next(corpus.cloudtrail);
        return corpus.set.matching(s.event(), s.context()).size();
    }

    @Benchmark
    public int windows(Corpus corpus) {
        MatcherCorpus.Sample s = next(corpus.windows);
        return corpus.set.matching(s.event(), s.context()).size();
    }

    private MatcherCorpus.Sample next(MatcherCorpus.Sample[] samples) {
        MatcherCorpus.Sample s = samples[cursor];
        cursor = cursor + 1 == samples.length ? 0 : cursor + 1;
        return s;
    }
}
