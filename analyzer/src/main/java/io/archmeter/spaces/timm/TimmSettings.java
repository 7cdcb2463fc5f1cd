package io.archmeter.spaces.timm;

import io.archmeter.model.Op;
import io.archmeter.spaces.mobile.Divisible;

/**
 * The model-level settings a timm generator ({@code _gen_mobilenet_v3}, {@code _gen_efficientnet},
 * …) passes with its arch_def: they decide what the same block string builds. The same
 * {@code se0.25} squeezes to round(C_mid·0.25/e) with a sigmoid gate and the block's activation in
 * EfficientNet (SE ratio taken from the block input: {@code se_from_exp=False}), and to
 * make_divisible(C_mid·0.25, 8) with ReLU and a hard sigmoid in MobileNetV3
 * ({@code se_from_exp=True}, {@code force_act_layer=nn.ReLU}, {@code rd_round_fn=round_channels}).
 *
 * @param model            the timm model the settings come from (for messages)
 * @param head             {@link Head#EFFICIENTNET} or {@link Head#MOBILENETV3}
 * @param stemSize         stem channels before {@code round_chs_fn} (applied unless {@code fixStem})
 * @param stemKernel       stem kernel (3; EdgeTPU v2 5 or 7), stride 2
 * @param fixStem          keep the stem width unscaled
 * @param numFeatures      head channels, as the generator computed them (0: no head convolution)
 * @param headBias         MobileNetV3 head: whether the head convolution has a bias
 * @param act              the model's activation (blocks without {@code n…} use it)
 * @param seFromExp        squeeze ratio relative to the expanded channels (else divided by e)
 * @param seGate           {@link Op#SIGMOID} or {@link Op#HSIGMOID}
 * @param seForceAct       the activation inside every SE, or null for the block's
 * @param seRoundMultiplier 0: SE channels rounded by Python's round; else by round_channels with this multiplier
 * @param seRoundLimit     round_limit of that round_channels
 * @param channelMultiplier width multiplier of round_chs_fn (0: none)
 * @param channelDivisor   divisor of round_chs_fn
 * @param roundLimit       round_limit of round_chs_fn
 * @param depthMultipliers depth multiplier per stage (one value: all stages)
 * @param depthRound       depth_trunc 'round' (else 'ceil')
 * @param fixFirstLast     first and last stage depths unscaled
 * @param tfSame           {@code pad_type='same'} (timm's {@code tf_} ports): every convolution pads as TF's "SAME"
 */
public record TimmSettings(String model, Head head, int stemSize, int stemKernel, boolean fixStem, int numFeatures,
                           boolean headBias, Op act, boolean seFromExp, Op seGate, Op seForceAct, double seRoundMultiplier,
                           double seRoundLimit, double channelMultiplier, int channelDivisor, double roundLimit,
                           double[] depthMultipliers, boolean depthRound, boolean fixFirstLast, boolean tfSame) {

    /** The two heads of timm's efficient-net family. */
    public enum Head {
        /** {@code EfficientNet}: conv 1×1 (no bias) to numFeatures, BN, act, global pool, fc. */
        EFFICIENTNET,
        /** {@code MobileNetV3}: global pool, conv 1×1 to numFeatures (bias as headBias), act, flatten, fc. */
        MOBILENETV3
    }

    /** timm's {@code round_chs_fn}: round_channels(c, multiplier, divisor, None, round_limit). */
    public int roundChannels(int c) {
        return channelMultiplier == 0 ? c : Divisible.makeDivisible(c * channelMultiplier, channelDivisor, 0, roundLimit);
    }

    /** The squeeze channels of an SE on {@code channels} with timm's rd_ratio {@code ratio}. */
    public int seChannels(int channels, double ratio) {
        double v = channels * ratio;
        return seRoundMultiplier == 0 ? Divisible.pythonRound(v) : Divisible.makeDivisible(v * seRoundMultiplier, 8, 0, seRoundLimit);
    }

    /** These settings with the head channels replaced. */
    public TimmSettings withNumFeatures(int n) {
        return new TimmSettings(model, head, stemSize, stemKernel, fixStem, n, headBias, act, seFromExp, seGate, seForceAct,
                seRoundMultiplier, seRoundLimit, channelMultiplier, channelDivisor, roundLimit, depthMultipliers, depthRound,
                fixFirstLast, tfSame);
    }

    /** These settings with another model activation (a {@code _minimal} variant's relu). */
    public TimmSettings withAct(Op a) {
        return new TimmSettings(model, head, stemSize, stemKernel, fixStem, numFeatures, headBias, a, seFromExp, seGate, seForceAct,
                seRoundMultiplier, seRoundLimit, channelMultiplier, channelDivisor, roundLimit, depthMultipliers, depthRound,
                fixFirstLast, tfSame);
    }

    /** These settings as timm's {@code tf_} port builds them: {@code pad_type='same'} (BN's epsilon changes no count). */
    public TimmSettings withTfSame() {
        return new TimmSettings("tf_" + model, head, stemSize, stemKernel, fixStem, numFeatures, headBias, act, seFromExp, seGate,
                seForceAct, seRoundMultiplier, seRoundLimit, channelMultiplier, channelDivisor, roundLimit, depthMultipliers,
                depthRound, fixFirstLast, true);
    }
}
