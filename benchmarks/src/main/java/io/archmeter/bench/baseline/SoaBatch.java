package io.archmeter.bench.baseline;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.LayerRecord;

/**
 * The structure-of-arrays variant of {@link CandidateBatch}: one {@code int[]} per layer field
 * ({@code op[l]}, {@code kh[l]}, …) instead of one fixed-stride {@link LayerRecord} per layer. The
 * issue asks which layout scores faster; {@link SoaScorer} runs the engine's loop over this one.
 *
 * <pre>
 *  fixed-stride records: [op kh kw sh sw ph pw dh dw g co m f in0 in1 | op kh kw … ]   a 64-byte line ≈ 1 layer
 *  structure of arrays : op [op0 op1 op2 …]  kh [kh0 kh1 …]  …                        one stream per field
 * </pre>
 *
 * <p>Chains only: the second input of a join ({@code in1}) is not copied, and {@link SoaScorer}
 * refuses a layer that does not read the previous one.
 *
 * <p>Built by copying a filled {@link CandidateBatch}, so both layouts hold exactly the same
 * candidates. Immutable once built.
 */
public final class SoaBatch {
    final int[] op;
    final int[] kh;
    final int[] kw;
    final int[] sh;
    final int[] sw;
    final int[] ph;
    final int[] pw;
    final int[] dh;
    final int[] dw;
    final int[] groups;
    final int[] cout;
    final int[] cmult;
    final int[] flags;
    /** Input of each layer, layers back: always 1 ({@code LayerRecord.PREVIOUS}) in a chain. */
    final int[] in0;
    final int[] firstLayer;
    final int[] inputH;
    final int[] inputW;
    final int[] inputC;
    private final int size;

    private SoaBatch(int candidates, int layers) {
        op = new int[layers];
        kh = new int[layers];
        kw = new int[layers];
        sh = new int[layers];
        sw = new int[layers];
        ph = new int[layers];
        pw = new int[layers];
        dh = new int[layers];
        dw = new int[layers];
        groups = new int[layers];
        cout = new int[layers];
        cmult = new int[layers];
        flags = new int[layers];
        in0 = new int[layers];
        firstLayer = new int[candidates + 1];
        inputH = new int[candidates];
        inputW = new int[candidates];
        inputC = new int[candidates];
        size = candidates;
    }

    /** The candidates of {@code batch}, transposed into one array per field. */
    public static SoaBatch of(CandidateBatch batch) {
        int n = batch.size();
        int layers = batch.endLayer(n - 1);
        SoaBatch soa = new SoaBatch(n, layers);
        int[] records = batch.records();
        for (int l = 0; l < layers; l++) {
            int r = LayerRecord.offset(l);
            soa.op[l] = records[r + LayerRecord.OP_OFFSET];
            soa.kh[l] = records[r + LayerRecord.KERNEL_H_OFFSET];
            soa.kw[l] = records[r + LayerRecord.KERNEL_W_OFFSET];
            soa.sh[l] = records[r + LayerRecord.STRIDE_H_OFFSET];
            soa.sw[l] = records[r + LayerRecord.STRIDE_W_OFFSET];
            soa.ph[l] = records[r + LayerRecord.PAD_H_OFFSET];
            soa.pw[l] = records[r + LayerRecord.PAD_W_OFFSET];
            soa.dh[l] = records[r + LayerRecord.DILATION_H_OFFSET];
            soa.dw[l] = records[r + LayerRecord.DILATION_W_OFFSET];
            soa.groups[l] = records[r + LayerRecord.GROUPS_OFFSET];
            soa.cout[l] = records[r + LayerRecord.COUT_OFFSET];
            soa.cmult[l] = records[r + LayerRecord.CMULT_OFFSET];
            soa.flags[l] = records[r + LayerRecord.FLAGS_OFFSET];
            soa.in0[l] = records[r + LayerRecord.IN0_OFFSET];
        }
        for (int i = 0; i < n; i++) {
            soa.firstLayer[i] = batch.firstLayer(i);
            soa.inputH[i] = batch.inputHeight(i);
            soa.inputW[i] = batch.inputWidth(i);
            soa.inputC[i] = batch.inputChannels(i);
        }
        soa.firstLayer[n] = batch.endLayer(n - 1);
        return soa;
    }

    /** Number of candidates. */
    public int size() {
        return size;
    }
}
