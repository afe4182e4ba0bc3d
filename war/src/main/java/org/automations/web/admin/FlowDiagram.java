package org.automations.web.admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.automations.engine.AutomationDefinition;
import org.automations.engine.AutomationDefinition.NodeDefinition;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.If;
import org.automations.flow.Node;
import org.automations.flow.Repeat;
import org.automations.flow.Split;

/**
 * Draws an automation's flow as inline SVG, on the server: the nodes top to bottom in declaration
 * order (name and kind), arrows for where each continues ({@code next}, {@code then} /
 * {@code otherwise}, a split's paths, {@code onError}, a repeat's loop), jumps forward on the right,
 * loops back on the left. The nodes and edges an instance took are highlighted; its open nodes and
 * its failed node have their own colours. All text is escaped.
 */
public final class FlowDiagram {

    /** An edge of the flow: from one node to another, labelled by how it is taken. */
    public record FlowEdge(String to, String label) {
    }

    /** A node of the flow with its outgoing edges. */
    public record FlowNode(String name, String kind, String description, List<FlowEdge> edges) {
    }

    /** An edge an instance took, from one node's name to another's. */
    public record Edge(String from, String to) {
    }

    /** What an instance did: the nodes it reached, the edges it took, where it stands, where it failed. */
    public record Trace(Set<String> visitedNodes, Set<Edge> visitedEdges, Set<String> openNodes,
                        Set<String> failedNodes) {

        public static final Trace NONE = new Trace(Set.of(), Set.of(), Set.of(), Set.of());

        public Trace {
            visitedNodes = Set.copyOf(visitedNodes);
            visitedEdges = Set.copyOf(visitedEdges);
            openNodes = Set.copyOf(openNodes);
            failedNodes = Set.copyOf(failedNodes);
        }
    }

    static final int ROW = 56;
    static final int BOX_WIDTH = 200;
    static final int BOX_HEIGHT = 38;
    static final int LANE = 14;
    static final int MARGIN = 12;
    static final int LABEL_SPACE = 70;

    private static final String INK = "#1d2430";
    private static final String MUTED = "#8a93a3";
    private static final String TAKEN = "#2b59c3";
    private static final String OPEN = "#a86a00";
    private static final String FAILED = "#b3261e";

    private FlowDiagram() {
    }

    /** The flow of a definition, reading the nodes of an (unbound) automation object of its class. */
    public static List<FlowNode> nodesOf(AutomationDefinition definition, Automation automation) {
        List<FlowNode> nodes = new ArrayList<>();
        String first = definition.firstNode().name();
        for (NodeDefinition nodeDefinition : definition.nodes()) {
            Node<?> node = nodeDefinition.nodeOf(automation);
            String next = node.getNext() != null ? node.getNext() : nodeDefinition.defaultNext();
            List<FlowEdge> edges = new ArrayList<>();
            if (node instanceof End) {
                // no edges
            } else if (node instanceof Split split) {
                split.getPaths().forEach(path -> edges.add(new FlowEdge(path, "path")));
            } else if (node instanceof Repeat repeat) {
                edges.add(new FlowEdge(repeat.getStart() != null ? repeat.getStart() : first, "repeat"));
            } else if (node instanceof If branch) {
                String then = branch.getThenNode() != null ? branch.getThenNode() : next;
                String otherwise = branch.getOtherwiseNode() != null ? branch.getOtherwiseNode() : next;
                if (then != null) {
                    edges.add(new FlowEdge(then, "then"));
                }
                if (otherwise != null) {
                    edges.add(new FlowEdge(otherwise, "otherwise"));
                }
            } else {
                if (next != null) {
                    edges.add(new FlowEdge(next, ""));
                }
                if (node instanceof Execute execute && execute.getOnError() != null) {
                    edges.add(new FlowEdge(execute.getOnError(), "onError"));
                }
            }
            nodes.add(new FlowNode(nodeDefinition.name(), node.kind(), nodeDefinition.description(), edges));
        }
        return nodes;
    }

    /** The diagram of a definition with the path an instance took. */
    public static String svg(AutomationDefinition definition, Automation automation, Trace trace) {
        return svg(nodesOf(definition, automation), trace);
    }

    /** The diagram with the visited nodes and edges highlighted (no open or failed nodes). */
    public static String svg(List<FlowNode> nodes, Set<String> visitedNodes, Set<Edge> visitedEdges) {
        return svg(nodes, new Trace(visitedNodes, visitedEdges, Set.of(), Set.of()));
    }

    /** The diagram as an {@code <svg>} element. */
    public static String svg(List<FlowNode> nodes, Trace trace) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).name(), i);
        }
        // one drawn edge per (from, to): labels of parallel edges are joined
        List<Drawn> drawn = new ArrayList<>();
        Map<Edge, Drawn> byEdge = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            FlowNode node = nodes.get(i);
            for (FlowEdge edge : node.edges()) {
                Integer target = index.get(edge.to());
                if (target == null) {
                    continue;
                }
                Edge key = new Edge(node.name(), edge.to());
                Drawn existing = byEdge.get(key);
                if (existing != null) {
                    existing.labels.add(edge.label());
                    continue;
                }
                Drawn line = new Drawn(key, i, target);
                line.labels.add(edge.label());
                byEdge.put(key, line);
                drawn.add(line);
            }
        }
        int rightLanes = assignLanes(drawn.stream().filter(Drawn::forwardJump).toList());
        int leftLanes = assignLanes(drawn.stream().filter(Drawn::backward).toList());

        int boxX = MARGIN + leftLanes * LANE + (leftLanes > 0 ? LABEL_SPACE : 0);
        int width = boxX + BOX_WIDTH + MARGIN + rightLanes * LANE + LABEL_SPACE;
        int height = MARGIN * 2 + Math.max(1, nodes.size()) * ROW - (ROW - BOX_HEIGHT);

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flow-diagram\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width)
                .append("\" height=\"").append(height)
                .append("\" style=\"max-width:100%;height:auto\" font-family=\"system-ui, sans-serif\">");
        svg.append("<defs>");
        marker(svg, "arrow", MUTED);
        marker(svg, "arrow-taken", TAKEN);
        svg.append("</defs>");

        for (Drawn line : drawn) {
            edge(svg, line, trace.visitedEdges().contains(line.edge), boxX);
        }
        for (int i = 0; i < nodes.size(); i++) {
            node(svg, nodes.get(i), i, boxX, trace);
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static void marker(StringBuilder svg, String id, String colour) {
        svg.append("<marker id=\"").append(id).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\"")
                .append(" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
                .append(colour).append("\"/></marker>");
    }

    private static void node(StringBuilder svg, FlowNode node, int i, int boxX, Trace trace) {
        boolean visited = trace.visitedNodes().contains(node.name());
        boolean open = trace.openNodes().contains(node.name());
        boolean failed = trace.failedNodes().contains(node.name());
        String state = failed ? "failed" : open ? "open" : visited ? "visited" : "unvisited";
        String stroke = failed ? FAILED : open ? OPEN : visited ? TAKEN : MUTED;
        String fill = failed ? "#fbe9e7" : open ? "#fff3d6" : visited ? "#e8eefb" : "#ffffff";
        int y = top(i);
        svg.append("<g class=\"node ").append(state).append("\" data-node=\"").append(escape(node.name())).append("\">");
        svg.append("<title>").append(escape(node.name() + " (" + node.kind() + ")"
                + (node.description() == null || node.description().isBlank() ? "" : ": " + node.description())))
                .append("</title>");
        svg.append("<rect x=\"").append(boxX).append("\" y=\"").append(y).append("\" width=\"").append(BOX_WIDTH)
                .append("\" height=\"").append(BOX_HEIGHT).append("\" rx=\"6\" fill=\"").append(fill)
                .append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(visited || open || failed ? 2.5 : 1)
                .append('"').append(visited || open || failed ? "" : " stroke-dasharray=\"4 3\"").append("/>");
        svg.append("<text x=\"").append(boxX + 10).append("\" y=\"").append(y + 16)
                .append("\" font-size=\"13\" font-weight=\"600\" fill=\"").append(INK).append("\">")
                .append(escape(shorten(node.name(), 26))).append("</text>");
        svg.append("<text x=\"").append(boxX + 10).append("\" y=\"").append(y + 31)
                .append("\" font-size=\"10.5\" fill=\"").append(failed ? FAILED : "#5d6675").append("\">")
                .append(escape(shorten(node.kind(), 30))).append("</text>");
        svg.append("</g>");
    }

    private static void edge(StringBuilder svg, Drawn line, boolean taken, int boxX) {
        String colour = taken ? TAKEN : MUTED;
        String label = String.join(" / ", new LinkedHashSet<>(line.labels.stream().filter(l -> !l.isEmpty()).toList()));
        String path;
        int labelX;
        int labelY;
        String anchor;
        int fromY = top(line.from);
        int toY = top(line.to);
        if (line.to == line.from + 1) {
            int x = boxX + BOX_WIDTH / 2;
            path = "M" + x + "," + (fromY + BOX_HEIGHT) + " V" + toY;
            labelX = x + 6;
            labelY = fromY + BOX_HEIGHT + 12;
            anchor = "start";
        } else if (line.forwardJump()) {
            int right = boxX + BOX_WIDTH;
            int x = right + MARGIN + line.lane * LANE;
            int y1 = fromY + BOX_HEIGHT / 2 + 4;
            int y2 = toY + BOX_HEIGHT / 2 - 4;
            path = "M" + right + "," + y1 + " H" + x + " V" + y2 + " H" + right;
            labelX = x + 4;
            labelY = y1 + 12;
            anchor = "start";
        } else {
            int x = boxX - MARGIN - line.lane * LANE;
            int y1 = fromY + BOX_HEIGHT / 2 + 4;
            int y2 = toY + BOX_HEIGHT / 2 - 4;
            path = "M" + boxX + "," + y1 + " H" + x + " V" + y2 + " H" + boxX;
            labelX = x - 4;
            labelY = y1 + 12;
            anchor = "end";
        }
        svg.append("<g class=\"edge").append(taken ? " taken" : "").append("\" data-from=\"").append(escape(line.edge.from()))
                .append("\" data-to=\"").append(escape(line.edge.to())).append("\">");
        svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour)
                .append("\" stroke-width=\"").append(taken ? 2.5 : 1.2).append('"')
                .append(taken ? "" : " stroke-dasharray=\"5 3\"")
                .append(" marker-end=\"url(#").append(taken ? "arrow-taken" : "arrow").append(")\"/>");
        if (!label.isEmpty()) {
            svg.append("<text x=\"").append(labelX).append("\" y=\"").append(labelY).append("\" font-size=\"10.5\" text-anchor=\"")
                    .append(anchor).append("\" fill=\"").append(colour).append("\">").append(escape(label)).append("</text>");
        }
        svg.append("</g>");
    }

    private static int top(int index) {
        return MARGIN + index * ROW;
    }

    /** Gives each edge a lane so that edges whose spans overlap do not share one; returns the lanes used. */
    private static int assignLanes(Collection<Drawn> edges) {
        List<Drawn> sorted = new ArrayList<>(edges);
        sorted.sort((a, b) -> Integer.compare(a.span(), b.span()));
        List<List<Drawn>> lanes = new ArrayList<>();
        for (Drawn edge : sorted) {
            int lane = 0;
            while (lane < lanes.size() && lanes.get(lane).stream().anyMatch(other -> other.overlaps(edge))) {
                lane++;
            }
            if (lane == lanes.size()) {
                lanes.add(new ArrayList<>());
            }
            lanes.get(lane).add(edge);
            edge.lane = lane;
        }
        return lanes.size();
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    /** Escapes text for XML content and attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static final class Drawn {
        final Edge edge;
        final int from;
        final int to;
        final List<String> labels = new ArrayList<>();
        int lane;

        Drawn(Edge edge, int from, int to) {
            this.edge = edge;
            this.from = from;
            this.to = to;
        }

        boolean forwardJump() {
            return to > from + 1;
        }

        boolean backward() {
            return to <= from;
        }

        int span() {
            return Math.abs(to - from);
        }

        boolean overlaps(Drawn other) {
            int lo = Math.min(from, to);
            int hi = Math.max(from, to);
            int otherLo = Math.min(other.from, other.to);
            int otherHi = Math.max(other.from, other.to);
            return lo <= otherHi && otherLo <= hi;
        }
    }
}
