import type { TreeNode } from './types';

/** Every node of a tree by id, for getParent/reveal and lookups by id. */
export function indexTreeNodes(roots: readonly TreeNode[]): Map<string, TreeNode> {
  const index = new Map<string, TreeNode>();
  const visit = (node: TreeNode) => {
    index.set(node.id, node);
    if ('children' in node) node.children.forEach(visit);
  };
  roots.forEach(visit);
  return index;
}
