package io.archmeter.spaces.regnet;

import io.archmeter.engine.Metrics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("RegNet networks against torchvision")
class RegNetNetworkTest {

    static Metrics score(String notation) {
        // the registry's defaults: 224x224x3, 1000 classes
        return io.archmeter.engine.Scoring.score(notation, "224x224x3");
    }

    /**
     * Every RegNet of torchvision/models/regnet.py: its design parameters (the regnet_* builders) and
     * its published num_params and _ops (GFLOPS as MACs, 224x224 input, three decimals).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "regnet_x_400mf; regnet:d=22,w0=24,wa=24.48,wm=2.54,g=16; 5495976; 0.414",
        "regnet_x_800mf; regnet:d=16,w0=56,wa=35.73,wm=2.28,g=16; 7259656; 0.800",
        "regnet_x_1_6gf; regnet:d=18,w0=80,wa=34.01,wm=2.25,g=24; 9190136; 1.603",
        "regnet_x_3_2gf; regnet:d=25,w0=88,wa=26.31,wm=2.25,g=48; 15296552; 3.177",
        "regnet_x_8gf; regnet:d=23,w0=80,wa=49.56,wm=2.88,g=120; 39572648; 7.995",
        "regnet_x_16gf; regnet:d=22,w0=216,wa=55.59,wm=2.1,g=128; 54278536; 15.941",
        "regnet_x_32gf; regnet:d=23,w0=320,wa=69.86,wm=2.0,g=168; 107811560; 31.736",
        "regnet_y_400mf; regnet:d=16,w0=48,wa=27.89,wm=2.09,g=8,se=0.25; 4344144; 0.402",
        "regnet_y_800mf; regnet:d=14,w0=56,wa=38.84,wm=2.4,g=16,se=0.25; 6432512; 0.834",
        "regnet_y_1_6gf; regnet:d=27,w0=48,wa=20.71,wm=2.65,g=24,se=0.25; 11202430; 1.612",
        "regnet_y_3_2gf; regnet:d=21,w0=80,wa=42.63,wm=2.66,g=24,se=0.25; 19436338; 3.176",
        "regnet_y_8gf; regnet:d=17,w0=192,wa=76.82,wm=2.19,g=56,se=0.25; 39381472; 8.473",
        "regnet_y_16gf; regnet:d=18,w0=200,wa=106.23,wm=2.48,g=112,se=0.25; 83590140; 15.912",
        "regnet_y_32gf; regnet:d=20,w0=232,wa=115.89,wm=2.53,g=232,se=0.25; 145046770; 32.280",
        "regnet_y_128gf; regnet:d=27,w0=456,wa=160.83,wm=2.52,g=264,se=0.25; 644812894; 127.518",
    })
    void everyTorchvisionRegNetHasItsPublishedParametersAndMacs(String model, String notation, long params, String gmacs) {
        Metrics m = score(notation);
        assertEquals(params, m.params(), model + " parameters");
        assertEquals(gmacs, String.format(java.util.Locale.ROOT, "%.3f", m.macs() / 1e9), model + " GMACs");
    }
}
