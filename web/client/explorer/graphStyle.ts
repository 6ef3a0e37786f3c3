/** How each node type looks on the canvas and in the legend: colour and shape, so type is never told by colour alone. */
import type { StylesheetJson } from "cytoscape";
import { relationshipList, type RelationshipFamily } from "../../../src/graph/catalogue.js";
import type { NodeType } from "./model.js";
import { BY_TOLL_CLASS, HIDDEN_CLASS } from "./scene.js";

interface TypeStyle {
  color: string;
  shape: "ellipse" | "diamond" | "star" | "round-rectangle" | "tag" | "hexagon" | "rectangle";
  /** The same shape as a CSS clip-path, for the legend. */
  clipPath: string;
}

export const TYPE_STYLES: Record<NodeType, TypeStyle> = {
  Actor: { color: "#1d4ed8", shape: "ellipse", clipPath: "circle(50%)" },
  Place: { color: "#15803d", shape: "diamond", clipPath: "polygon(50% 0, 100% 50%, 50% 100%, 0 50%)" },
  Event: {
    color: "#b91c1c",
    shape: "star",
    clipPath: "polygon(50% 0, 61% 35%, 98% 35%, 68% 57%, 79% 91%, 50% 70%, 21% 91%, 32% 57%, 2% 35%, 39% 35%)",
  },
  Statement: { color: "#7e22ce", shape: "round-rectangle", clipPath: "inset(10% 0 10% 0 round 25%)" },
  Claim: { color: "#b45309", shape: "tag", clipPath: "polygon(0 0, 70% 0, 100% 50%, 70% 100%, 0 100%)" },
  Agreement: { color: "#0f766e", shape: "hexagon", clipPath: "polygon(25% 5%, 75% 5%, 100% 50%, 75% 95%, 25% 95%, 0 50%)" },
  Source: { color: "#4b5563", shape: "rectangle", clipPath: "inset(10% 5%)" },
};

/**
 * How each family of relationship is drawn (the catalogue, src/graph/catalogue.ts, says which family each type is
 * of), so that structure, who took part where, what was said and where it is written read apart, by line as well as
 * by colour.
 */
const FAMILY_STYLES: Record<RelationshipFamily, { lineStyle: "solid" | "dashed" | "dotted"; color: string }> = {
  structure: { lineStyle: "solid", color: "#6b7280" },
  involvement: { lineStyle: "solid", color: "#9a3412" },
  discourse: { lineStyle: "dashed", color: "#6d28d9" },
  provenance: { lineStyle: "dotted", color: "#9ca3af" },
};

const edgeFamilies = new Map(relationshipList.map((relationship) => [relationship.type, relationship.family]));

/** No label is drawn smaller than this on screen (graphView.ts sizes them for the zoom). */
export const LEGIBLE_FONT_PX = 11;
export const NODE_FONT_SIZE = 13;
export const EDGE_FONT_SIZE = 11;
/** Node labels wrap at this width (at NODE_FONT_SIZE; a larger label wraps proportionally wider). */
export const NODE_TEXT_WIDTH = 120;

const HIGHLIGHT = "#f59e0b";
const FOCUS = "#111827";

/** Label sizes in the drawing's units; graphView.ts grows them as the drawing is zoomed out. */
export interface LabelSizes {
  node: number;
  edge: number;
}

export function graphStylesheet(sizes: LabelSizes = { node: NODE_FONT_SIZE, edge: EDGE_FONT_SIZE }): StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        label: "data(label)",
        "font-size": sizes.node,
        "font-family": "system-ui, sans-serif",
        color: "#111827",
        "text-valign": "bottom",
        "text-margin-y": 4,
        "text-wrap": "wrap",
        "text-max-width": `${(NODE_TEXT_WIDTH * sizes.node) / NODE_FONT_SIZE}px`,
        "text-background-color": "#ffffff",
        "text-background-padding": "1px",
        // Labels are drawn only where they are legible and clear of each other (class label-shown).
        "text-opacity": 0,
        "text-background-opacity": 0,
        width: 26,
        height: 26,
        "border-width": 1,
        "border-color": "#ffffff",
      },
    },
    ...Object.entries(TYPE_STYLES).map(([type, style]) => ({
      selector: `node[type = "${type}"]`,
      style: { "background-color": style.color, shape: style.shape },
    })),
    {
      selector: "edge",
      style: {
        label: "data(label)",
        "font-size": sizes.edge,
        "font-family": "system-ui, sans-serif",
        color: "#374151",
        "text-rotation": "autorotate",
        "text-background-color": "#ffffff",
        "text-background-padding": "1px",
        "text-opacity": 0,
        "text-background-opacity": 0,
        width: 1.5,
        "line-color": "#9ca3af",
        "target-arrow-color": "#9ca3af",
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.8,
        "curve-style": "bezier",
      },
    },
    ...[...edgeFamilies].map(([type, family]) => ({
      selector: `edge[type = "${type}"]`,
      style: {
        "line-style": FAMILY_STYLES[family].lineStyle,
        "line-color": FAMILY_STYLES[family].color,
        "target-arrow-color": FAMILY_STYLES[family].color,
      },
    })),
    { selector: "node.focused", style: { "border-width": 4, "border-color": FOCUS, width: 34, height: 34, "font-weight": "bold" } },
    { selector: "node.path-end", style: { "border-width": 5, "border-color": HIGHLIGHT, width: 34, height: 34 } },
    { selector: ".label-shown", style: { "text-opacity": 1, "text-background-opacity": 0.85 } },
    { selector: "node.spotlit", style: { "z-index": 20 } },
    { selector: ".dimmed", style: { opacity: 0.25 } },
    { selector: "node.on-path", style: { "border-width": 4, "border-color": HIGHLIGHT, "font-weight": "bold" } },
    {
      selector: "edge.on-path",
      style: { width: 5, "line-color": HIGHLIGHT, "target-arrow-color": HIGHLIGHT, color: "#111827", "z-index": 10 },
    },
    { selector: ".filtered-out", style: { display: "none" } },
    // Sized by toll (scene.ts): after the focus and path-end sizes, which their borders still show.
    { selector: `node.${BY_TOLL_CLASS}`, style: { width: "data(tollSize)", height: "data(tollSize)" } },
    { selector: `.${HIDDEN_CLASS}`, style: { display: "none" } },
  ];
}
