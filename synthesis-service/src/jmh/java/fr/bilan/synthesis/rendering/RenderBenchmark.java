package fr.bilan.synthesis.rendering;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rendering a ten-page synthèse to PDF/A-3a + PDF/UA (bench/synthesis-render.sh): one renderer built
 * once, as the service holds it, and a fresh document each call. The three-page agreement is the
 * second line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RenderBenchmark {

    private PdfRenderer renderer;
    private SynthesisPrint synthesis;

    @Setup
    public void setUp() {
        renderer = TenPageSynthesis.renderer();
        synthesis = TenPageSynthesis.print();
    }

    @Benchmark
    public byte[] tenPageSynthesis() {
        return renderer.renderSynthesis(synthesis);
    }
}
