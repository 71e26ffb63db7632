package org.punchgate.oci;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.punchgate.cart.CartLine;
import org.punchgate.validation.Violation;

/**
 * Puts cart lines into OCI item order. OCI 5.0 keeps the hierarchy (SPECS §1.3): each parent is followed by
 * its children, {@code ITEM_TYPE} is {@code R} for a top-level line with children, {@code O} for a child
 * that has children itself, {@code F} for a child without children, and blank for an ordinary line;
 * {@code PARENT_ID} is the item number of the parent. Older versions have no hierarchy: only top-level
 * lines are sent (a parent's price covers its children, see {@code Cart.itemTotal}) and its components are
 * listed in its long text, so nothing is priced twice and nothing is lost from view.
 */
final class OciHierarchy {

  static final String ROOT = "R";
  static final String OUTLINE = "O";
  static final String LEAF = "F";

  /** One OCI item: the cart line ({@code cartIndex} in the cart), its number {@code n} from 1, and its place. */
  record Item(int cartIndex, CartLine line, int n, String itemType, Integer parentN, List<CartLine> components) {}

  private OciHierarchy() {}

  static List<Item> order(List<CartLine> lines, boolean keepHierarchy, List<Violation> violations) {
    Map<String, Integer> byId = new HashMap<>();
    Set<String> duplicates = new HashSet<>();
    Map<Integer, List<Integer>> children = new LinkedHashMap<>();
    List<Integer> roots = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String id = lines.get(i).lineId();
      if (id != null && byId.putIfAbsent(id, i) != null) {
        duplicates.add(id);
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      String parent = lines.get(i).parentLineId();
      if (parent == null) {
        roots.add(i);
      } else if (!byId.containsKey(parent)) {
        violations.add(new Violation("oci.line.parentLineId.exists", "lines[" + i + "].parentLineId", "no line of the cart has the id " + parent));
      } else if (duplicates.contains(parent)) {
        violations.add(new Violation("oci.line.parentLineId.unique", "lines[" + i + "].parentLineId", "more than one line has the id " + parent));
      } else {
        children.computeIfAbsent(byId.get(parent), k -> new ArrayList<>()).add(i);
      }
    }
    List<Item> items = new ArrayList<>();
    boolean[] placed = new boolean[lines.size()];
    for (int root : roots) {
      if (keepHierarchy) {
        place(root, null, lines, children, items, placed);
      } else {
        List<CartLine> components = new ArrayList<>();
        collect(root, lines, children, components, placed);
        items.add(new Item(root, lines.get(root), items.size() + 1, null, null, components));
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      String parent = lines.get(i).parentLineId();
      if (!placed[i] && parent != null && byId.containsKey(parent) && !duplicates.contains(parent)) {
        violations.add(new Violation("oci.line.parentLineId.noCycle", "lines[" + i + "].parentLineId", "the line is its own ancestor"));
      }
    }
    return items;
  }

  private static void place(int index, Item parent, List<CartLine> lines, Map<Integer, List<Integer>> children,
      List<Item> items, boolean[] placed) {
    placed[index] = true;
    boolean hasChildren = children.containsKey(index);
    String type = parent == null ? (hasChildren ? ROOT : null) : (hasChildren ? OUTLINE : LEAF);
    Item item = new Item(index, lines.get(index), items.size() + 1, type, parent == null ? null : parent.n(), List.of());
    items.add(item);
    for (int child : children.getOrDefault(index, List.of())) {
      place(child, item, lines, children, items, placed);
    }
  }

  private static void collect(int index, List<CartLine> lines, Map<Integer, List<Integer>> children,
      List<CartLine> components, boolean[] placed) {
    placed[index] = true;
    for (int child : children.getOrDefault(index, List.of())) {
      components.add(lines.get(child));
      collect(child, lines, children, components, placed);
    }
  }
}
