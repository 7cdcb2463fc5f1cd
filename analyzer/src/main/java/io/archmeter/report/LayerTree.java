package io.archmeter.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The layers of a candidate as the architecture string wrote them: a node per token, a block
 * token (such as {@code res_r2_c64}) holding the layers it expanded to, and a branch group
 * ({@code ( ... )add}) holding what was written inside it, its closing join last. A chain of
 * one-layer tokens is a flat list. Built from {@link TokenSpans}; read by the summary's text.
 *
 * <p>Example: {@code conv_k3_c16 ( ir_k3_e6_c16 | )add relu} is
 * <pre>
 *   conv_k3_c16                 layer 1
 *   ( ir_k3_e6_c16 ... )add     group, layers 2-11
 *     ir_k3_e6_c16              block, layers 2-10 (its own residual join inside)
 *     )add                      layer 11
 *   relu                        layer 12
 * </pre>
 */
public final class LayerTree {

    /** What a node is. */
    public enum Kind { LAYER, BLOCK, GROUP }

    /**
     * One row of the tree: layers [first, end) of the candidate (0-based).
     *
     * @param label    the token, or for a group {@code ( first ... )join}
     * @param children the nodes beneath it (a block's layers, a group's tokens); empty for a layer
     */
    public record Node(Kind kind, String label, int first, int end, List<Node> children) {
    }

    private LayerTree() {
    }

    /** The top-level nodes of the candidate {@code spans} describes. */
    public static List<Node> of(TokenSpans spans) {
        List<List<Node>> open = new ArrayList<>();      // the children of each open group; [0] is the top level
        open.add(new ArrayList<>());
        int j = 0;
        while (j < spans.size()) {
            int end = j + 1;
            while (end < spans.size() && spans.position()[end] == spans.position()[j]) {
                end++;
            }
            int depth = Math.max(0, spans.depth()[j]);
            while (open.size() - 1 > depth) {
                closeGroup(open, null);                 // defensive: a group the parser closed without a join token
            }
            while (open.size() - 1 < depth) {
                open.add(new ArrayList<>());
            }
            String token = spans.token()[j];
            open.get(open.size() - 1).add(end - j == 1 ? layer(token, j) : block(token, j, end));
            if (token.startsWith(")") && open.size() > 1) {
                closeGroup(open, token);
            }
            j = end;
        }
        while (open.size() > 1) {
            closeGroup(open, null);
        }
        return open.get(0);
    }

    private static Node layer(String token, int j) {
        return new Node(Kind.LAYER, token, j, j + 1, List.of());
    }

    /** Labels longer than this (a search space's whole string) are cut, with "...". */
    static final int MAX_LABEL = 40;

    private static String shorten(String token) {
        return token.length() <= MAX_LABEL ? token : token.substring(0, MAX_LABEL - 3) + "...";
    }

    private static Node block(String token, int first, int end) {
        List<Node> layers = new ArrayList<>(end - first);
        for (int k = first; k < end; k++) {
            layers.add(new Node(Kind.LAYER, "", k, k + 1, List.of()));    // labelled by the table (the canonical token)
        }
        return new Node(Kind.BLOCK, shorten(token), first, end, List.copyOf(layers));
    }

    /** Closes the innermost open group into one node of its parent. */
    private static void closeGroup(List<List<Node>> open, String join) {
        List<Node> children = open.remove(open.size() - 1);
        if (children.isEmpty()) {
            return;
        }
        Node first = children.get(0);
        while (first.kind() == Kind.GROUP) {
            first = first.children().get(0);
        }
        String close = join != null ? join : ")";
        String label = "( " + first.label() + (children.size() > 1 ? " ... " : " ") + close;
        open.get(open.size() - 1).add(new Node(Kind.GROUP, label.strip(), children.get(0).first(),
                children.get(children.size() - 1).end(), List.copyOf(children)));
    }
}
