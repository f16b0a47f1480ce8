package com.ms5.floor.analytics.downtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The plant's downtime reasons as a tree (for example Mechanical / Conveyor / Jam). Every node
 * carries the loss category its minutes go to. The nodes {@link #UNASSIGNED}, {@link #STARVED} and
 * {@link #BLOCKED} always exist. A retired reason is no longer offered, but past stops keep it.
 */
public final class ReasonTree {
    public static final String UNASSIGNED = "unassigned";
    /** Where starved and blocked time goes until a person names the cause. */
    public static final String STARVED = "starved";
    public static final String BLOCKED = "blocked";

    public record Node(String id, String name, String parentId, LossCategory category) {
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Set<String> retired;

    public ReasonTree(List<Node> nodes) {
        this(nodes, Set.of());
    }

    public ReasonTree(List<Node> nodes, Set<String> retired) {
        this.retired = Set.copyOf(retired);
        this.nodes.put(UNASSIGNED, new Node(UNASSIGNED, "Unassigned", null, LossCategory.UNASSIGNED));
        this.nodes.put(STARVED, new Node(STARVED, "Starved (waiting for upstream)", null, LossCategory.MATERIAL));
        this.nodes.put(BLOCKED, new Node(BLOCKED, "Blocked (waiting for downstream)", null, LossCategory.MATERIAL));
        for (Node n : nodes) {
            Node builtIn = this.nodes.get(n.id());
            if (builtIn != null && builtIn.parentId() == null && List.of(UNASSIGNED, STARVED, BLOCKED).contains(n.id())) {
                // a built-in reason named by the caller (another language, the plant's word): its place stays
                this.nodes.put(n.id(), new Node(n.id(), n.name(), null, builtIn.category()));
                continue;
            }
            if (n.parentId() != null && !this.nodes.containsKey(n.parentId())) {
                throw new IllegalArgumentException("Reason '" + n.id() + "' names a parent '" + n.parentId()
                        + "' that comes later or does not exist; list parents first");
            }
            if (this.nodes.putIfAbsent(n.id(), n) != null) {
                throw new IllegalArgumentException("Reason id '" + n.id() + "' is used twice");
            }
        }
    }

    public Node node(String id) {
        Node n = nodes.get(id);
        if (n == null) {
            throw new IllegalArgumentException("There is no downtime reason '" + id + "'");
        }
        return n;
    }

    /** Every node, parents before their children. */
    public List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    public boolean contains(String id) {
        return nodes.containsKey(id);
    }

    /** The node's names from the root, e.g. {@code Mechanical / Conveyor / Jam}. */
    public String path(String id) {
        List<String> names = new ArrayList<>();
        for (Node n = node(id); n != null; n = n.parentId() == null ? null : nodes.get(n.parentId())) {
            names.addFirst(n.name());
        }
        return String.join(" / ", names);
    }

    /** Whether the reason is kept only for the stops that already have it. */
    public boolean isRetired(String id) {
        return retired.contains(id);
    }

    /** Reasons a person may choose (not retired) whose path contains every word of {@code text}, case-insensitively, for a picker. */
    public List<Node> search(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).trim().split("\\s+");
        List<Node> found = new ArrayList<>();
        for (Node n : nodes.values()) {
            if (retired.contains(n.id())) {
                continue;
            }
            String path = path(n.id()).toLowerCase(Locale.ROOT);
            boolean all = true;
            for (String w : words) {
                all &= path.contains(w);
            }
            if (all) {
                found.add(n);
            }
        }
        return found;
    }
}
