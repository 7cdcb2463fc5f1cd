package io.archmeter.spaces.timm;

import io.archmeter.spaces.NotationException;
import io.archmeter.spaces.mobile.Divisible;
import io.archmeter.spaces.mobile.Literal;

import java.util.ArrayList;
import java.util.List;

/**
 * A timm {@code arch_def}: stages of block strings, read from the Python list users paste
 * ({@code [['ds_r1_k3_s1_e1_c16_nre'], ['ir_r1_k3_s2_e4_c24_nre', 'ir_r1_k3_s1_e3_c24_nre'], …]})
 * or from the one-line form for CSV cells, stages separated by {@code |} and blocks by spaces
 * ({@code ds_r1_k3_s1_e1_c16_nre | ir_r1_k3_s2_e4_c24_nre ir_r1_k3_s1_e3_c24_nre | …}), then
 * decoded and depth-scaled as timm's {@code decode_arch_def} does.
 */
public final class TimmArchDef {
    private TimmArchDef() {
    }

    /** The stages of block strings in {@code text} (a Python list of lists, or the one-line form). */
    public static List<List<String>> parse(String text) {
        String t = text.strip();
        List<List<String>> stages = new ArrayList<>();
        if (t.startsWith("[")) {
            Object v = Literal.parse(t);
            if (!(v instanceof List<?> outer)) {
                throw new NotationException("timm arch_def: expected a list of stages");
            }
            for (Object stage : outer) {
                if (!(stage instanceof List<?> blocks)) {
                    throw new NotationException("timm arch_def: stage " + (stages.size() + 1) + " is not a list of block strings");
                }
                List<String> s = new ArrayList<>();
                for (Object b : blocks) {
                    if (!(b instanceof String str)) {
                        throw new NotationException("timm arch_def: stage " + (stages.size() + 1) + " holds " + b
                                + ", not a block string");
                    }
                    s.add(str);
                }
                stages.add(s);
            }
        } else {
            for (String stage : t.split("\\|", -1)) {
                List<String> s = new ArrayList<>();
                for (String b : stage.strip().split("\\s+")) {
                    if (!b.isEmpty()) {
                        s.add(b);
                    }
                }
                stages.add(s);
            }
        }
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).isEmpty()) {
                throw new NotationException("timm arch_def: stage " + (i + 1) + " is empty");
            }
        }
        if (stages.isEmpty()) {
            throw new NotationException("timm arch_def: no stages");
        }
        return stages;
    }

    /**
     * timm's {@code decode_arch_def}: each stage's blocks decoded, their repeats scaled by the
     * stage's depth multiplier ({@code _scale_stage_depth}) and expanded, one entry per block.
     */
    public static List<List<TimmBlock>> decode(List<List<String>> stages, TimmSettings s) {
        final double[] dm = s.depthMultipliers();
        if (dm.length != 1 && dm.length != stages.size()) {
            throw new NotationException("timm arch_def: " + dm.length + " depth multipliers for " + stages.size() + " stages");
        }
        List<List<TimmBlock>> out = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            List<TimmBlock> args = new ArrayList<>();
            for (String str : stages.get(i)) {
                args.add(TimmBlockDecoder.decode(str));
            }
            final boolean fixed = s.fixFirstLast() && (i == 0 || i == stages.size() - 1);
            out.add(scaleStageDepth(args, fixed ? 1.0 : dm.length == 1 ? dm[0] : dm[i], s.depthRound()));
        }
        return out;
    }

    /**
     * timm's {@code _scale_stage_depth}: the stage's total repeats scaled (ceil, or Python round
     * with at least 1), then given out to the block definitions from the last to the first, each
     * max(1, round(r / remaining · remaining_scaled)).
     */
    static List<TimmBlock> scaleStageDepth(List<TimmBlock> args, double multiplier, boolean round) {
        int numRepeat = 0;
        for (TimmBlock b : args) {
            numRepeat += b.repeats();
        }
        int scaled = round ? Math.max(1, Divisible.pythonRound(numRepeat * multiplier)) : (int) Math.ceil(numRepeat * multiplier);
        int[] reps = new int[args.size()];
        for (int i = args.size() - 1; i >= 0; i--) {
            int r = args.get(i).repeats();
            int rs = Math.max(1, Divisible.pythonRound((double) r / numRepeat * scaled));
            reps[i] = rs;
            numRepeat -= r;
            scaled -= rs;
        }
        List<TimmBlock> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            for (int j = 0; j < reps[i]; j++) {
                out.add(args.get(i));
            }
        }
        return out;
    }
}
