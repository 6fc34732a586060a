"""What a criteria tree needs once every row is placed: values beside a row's own points turned
into items or caps, the codes of the rubric (as written, composed where numbering restarts, made
for rows without one), caps that name a row by its code, and points a scan misread."""

from __future__ import annotations

from pipeline.config.rubric import GroupKind
from pipeline.core.textnorm import format_number
from pipeline.criteria import ocr_codes
from pipeline.criteria.codes import next_group_code
from pipeline.criteria.nodes import Node, depth, kind_of, set_cap, walk
from pipeline.criteria.points import Cap
from pipeline.criteria.tree import Tree


def finish(tree: Tree) -> None:
    """Settle what only the whole table tells (codes repeat, a cap names a row further down)."""
    _side_points(tree)
    _name_codes(tree)
    if tree.from_ocr:
        for root in tree.roots:
            _reconcile_ocr_points(tree, root)
    for targeted in tree.targeted:
        found = _named(tree, targeted.cap.target)
        if len(found) == 1:
            set_cap(found[0], targeted.cap)
            continue
        why = "không có trong bảng" if not found else f"có ở {len(found)} chỗ trong bảng, không rõ chỗ nào"
        tree.problems.append(f"{targeted.where}: “{targeted.cap.text}” nói đến mục '{targeted.cap.target}' {why}")


def _named(tree: Tree, code: str) -> list[Node]:
    """The rows a sentence's code can name: by the code in the rubric, else as written, else
    in either case ("mục C" is group C, not criterion c, when both exist)."""
    nodes = list(walk(tree.roots))
    for matches in (lambda n: n.final == code, lambda n: n.code is not None and n.code.written == code,
                    lambda n: n.final.lower() == code.lower()):
        found = [n for n in nodes if matches(n)]
        if found:
            return found
    return []


def _side_points(tree: Tree) -> None:
    """A bonus/deduction value written beside a row's own points caps the rows of that kind
    under it, or, with none under it, is an item of its own."""
    for node in list(walk(tree.roots)):
        for kind, p in node.side.items():
            if node.has_kind_inside(kind) and p.per is None:
                set_cap(node, Cap(kind, p.amount, None, ""))
            else:
                item = Node(None, node.label, node.title, "", node.where, kind=kind, max=p.amount, per=p.per,
                            item=True, style="item", parent=node)
                node.children.insert(sum(1 for c in node.children if c.item and c.code is None), item)


def _name_codes(tree: Tree) -> None:
    """Codes as written; composed with the parent's only where a written code repeats; made
    for rows without one ("a1[1]") and sections without one (the next group code)."""
    nodes = list(walk(tree.roots))
    written: dict[str, int] = {}
    for n in nodes:
        if n.code is not None:
            written[n.code.written] = written.get(n.code.written, 0) + 1
    repeating = {(n.style, depth(n)) for n in nodes if n.code is not None and written[n.code.written] > 1
                 and n.parent is not None}
    last_root: Node | None = None
    for n in nodes:
        if n.parent is None:
            if n.code is None:
                style = last_root.style if last_root else "roman"
                n.final = next_group_code(last_root.final if last_root else None, style)
                n.style = style
                tree.notes.append(f"{n.where}: mục “{n.title}” không có mã, được đặt mã {n.final}")
            else:
                n.final = n.code.written
            last_root = n
        elif n.code is None:
            number = sum(1 for s in n.parent.children[:n.parent.children.index(n) + 1] if s.code is None)
            n.final = f"{n.parent.final}[{number}]"
            tree.notes.append(f"{n.where}: dòng không có mã, được đặt mã {n.final}")
        elif (n.style, depth(n)) in repeating:
            n.final = f"{n.parent.final}.{n.code.written}"
        else:
            n.final = n.code.written
    composed = sorted({n.code.written for n in nodes if n.code and n.final != n.code.written})
    if composed:
        tree.notes.append("mã đánh lại từ đầu trong từng mục được ghép với mã mục trên để phân biệt ("
                          + ", ".join(composed[:6]) + (" …" if len(composed) > 6 else "") + ")")


def _reconcile_ocr_points(tree: Tree, node: Node) -> None:
    """Standard points read by OCR that the sub-criteria's sum contradicts by one glyph ("950"
    over rows adding up to 50): the document's own arithmetic decides, and the notes say so."""
    for child in node.children:
        _reconcile_ocr_points(tree, child)
    if kind_of(node) is not GroupKind.STANDARD or node.max is None:
        return
    parts = [c.max for c in node.children if kind_of(c) is GroupKind.STANDARD]
    if not parts or any(p is None for p in parts):
        return
    total = sum(parts)
    read, summed = format_number(node.max), format_number(total)
    if abs(total - node.max) > 1e-6 and ocr_codes.one_glyph_off(summed, read):
        tree.notes.append(f"{node.where}: điểm đọc bằng OCR “{read}” được hiểu là {summed} (tổng điểm các tiêu "
                          "chí con)")
        node.max = total
