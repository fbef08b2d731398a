/**
 * The elements under `root` (itself excluded), in document order, as a list made before any is
 * removed. A walk of its own: linkedom runs each `querySelectorAll` through a CSS selector engine,
 * which costs more than the walk itself.
 */
export function descendants(root: Element): Element[] {
  const found: Element[] = [];
  const visit = (parent: Element) => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
}
