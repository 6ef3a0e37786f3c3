/**
 * The map: the current filter's events as points on the country borders, sized by toll, coloured by category,
 * clustered where they crowd. Plain SVG drawn with d3-geo, so it needs no WebGL and no tile server: the borders
 * are world-atlas's Natural Earth countries (1:50m), bundled with the explorer and loaded with the map.
 */
import { geoMercator, geoPath, type GeoProjection } from "d3-geo";
import { select, type Selection } from "d3-selection";
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from "d3-zoom";
import type { Feature, FeatureCollection, MultiLineString, Point } from "geojson";
import Supercluster, { type AnyProps, type ClusterFeature, type PointFeature } from "supercluster";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { categoryColor, radiusOf, tollOf, type MapEvent } from "./mapModel.js";

type Drawn = ClusterFeature<AnyProps> | PointFeature<{ id: string }>;
const isCluster = (drawn: Drawn): drawn is ClusterFeature<AnyProps> => "cluster_id" in drawn.properties;

const SVG_NS = "http://www.w3.org/2000/svg";

/** Syria and its borders, where the first data lies: the view when there is nothing to fit. */
const DEFAULT_BOUNDS: [[number, number], [number, number]] = [
  [35.5, 32.3],
  [42.4, 37.4],
];

/** Points closer than this (in screen pixels) are drawn as one cluster. */
const CLUSTER_RADIUS_PX = 22;

interface Land {
  countries: FeatureCollection;
  borders: MultiLineString;
}

let land: Promise<Land> | null = null;

/** The borders, loaded once, with the map: they are most of the map's bytes and the graph alone needs none. */
function loadLand(): Promise<Land> {
  land ??= import("world-atlas/countries-50m.json").then((module) => {
    const topology = module.default as unknown as Topology<{ countries: GeometryCollection }>;
    return {
      countries: feature(topology, topology.objects.countries),
      borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
    };
  });
  return land;
}

type EventFeature = Feature<Point, { id: string }>;

export interface MapHandlers {
  /** A point chosen with the mouse or the keyboard. */
  select: (id: string) => void;
}

export class MapView {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly landLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly pointLayer: SVGGElement;
  private readonly projection: GeoProjection = geoMercator();
  private readonly zoomBehavior: ZoomBehavior<SVGSVGElement, unknown>;
  private transform: ZoomTransform = zoomIdentity;
  private events = new Map<string, MapEvent>();
  private index = new Supercluster<{ id: string }>({ radius: CLUSTER_RADIUS_PX, extent: 256, maxZoom: 16 });
  private selected: string | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly handlers: MapHandlers,
  ) {
    const svgElement = document.createElementNS(SVG_NS, "svg");
    svgElement.classList.add("map-svg");
    svgElement.setAttribute("role", "group");
    svgElement.setAttribute("aria-label", "Map of the events shown. Tab reaches each point or cluster; Enter opens it.");
    container.append(svgElement);
    this.svg = select(svgElement);
    this.landLayer = this.svg.append("g").attr("class", "map-land");
    this.pointLayer = this.svg.append("g").attr("class", "map-points").node()!;
    this.zoomBehavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, 256])
      .on("zoom", (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        this.transform = event.transform;
        this.landLayer.attr("transform", event.transform.toString());
        this.drawPoints();
      });
    this.svg.call(this.zoomBehavior);
    new ResizeObserver(() => this.fit()).observe(container);
  }

  /** Shows these events (those without a location are left out) and fits the view to them. */
  async show(events: readonly MapEvent[]): Promise<void> {
    this.events = new Map(events.filter((event) => event.location !== null).map((event) => [event.id, event]));
    const features: EventFeature[] = [...this.events.values()].map((event) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [event.location!.longitude, event.location!.latitude] },
      properties: { id: event.id },
    }));
    this.index = new Supercluster<{ id: string }>({ radius: CLUSTER_RADIUS_PX, extent: 256, maxZoom: 16 });
    this.index.load(features);
    await this.drawLand();
    this.fit();
  }

  /** Marks the chosen event's point. */
  setSelected(id: string | null): void {
    this.selected = id;
    this.drawPoints();
  }

  /** How many points and clusters are drawn now, for the status line and the tests. */
  counts(): { events: number; points: number; clusters: number } {
    const circles = [...this.pointLayer.querySelectorAll<SVGElement>("[data-kind]")];
    return {
      events: this.events.size,
      points: circles.filter((element) => element.dataset.kind === "event").length,
      clusters: circles.filter((element) => element.dataset.kind === "cluster").length,
    };
  }

  zoomBy(factor: number): void {
    this.zoomBehavior.scaleBy(this.svg, factor);
  }

  /** Fits the projection to the events (or to Syria when there are none) and resets the zoom. */
  fit(): void {
    const width = this.container.clientWidth;
    const height = this.container.clientHeight;
    if (width === 0 || height === 0) return;
    this.svg.attr("viewBox", `0 0 ${width} ${height}`).attr("width", width).attr("height", height);
    const lons = [...this.events.values()].map((event) => event.location!.longitude);
    const lats = [...this.events.values()].map((event) => event.location!.latitude);
    // At least half a degree each way, so that one town's strikes do not fill the screen as if it were a country.
    const bounds: [[number, number], [number, number]] =
      lons.length === 0
        ? DEFAULT_BOUNDS
        : [
            [Math.min(...lons) - 0.5, Math.min(...lats) - 0.5],
            [Math.max(...lons) + 0.5, Math.max(...lats) + 0.5],
          ];
    const pad = 24;
    this.projection.fitExtent(
      [
        [pad, pad],
        [width - pad, height - pad],
      ],
      { type: "MultiPoint", coordinates: bounds },
    );
    this.landLayer.selectAll("path").attr("d", (d) => geoPath(this.projection)(d as Feature) ?? "");
    this.zoomBehavior.transform(this.svg, zoomIdentity);
  }

  private async drawLand(): Promise<void> {
    const { countries, borders } = await loadLand();
    if (!this.landLayer.selectAll("path").empty()) return;
    this.landLayer
      .selectAll("path.country")
      .data(countries.features)
      .join("path")
      .attr("class", "country")
      .attr("d", (d) => geoPath(this.projection)(d) ?? "");
    this.landLayer
      .append("path")
      .datum(borders)
      .attr("class", "border")
      .attr("d", (d) => geoPath(this.projection)(d) ?? "");
  }

  /** The web-mercator zoom level the current scale corresponds to, for the clustering (256-pixel tiles). */
  private zoomLevel(): number {
    return Math.max(0, Math.min(16, Math.floor(Math.log2((2 * Math.PI * this.projection.scale() * this.transform.k) / 256))));
  }

  private screen([longitude, latitude]: number[]): [number, number] {
    const [x, y] = this.projection([longitude!, latitude!]) ?? [0, 0];
    return this.transform.apply([x, y]);
  }

  private drawPoints(): void {
    const focused = document.activeElement instanceof SVGElement ? document.activeElement.dataset.id : undefined;
    this.pointLayer.replaceChildren();
    if (this.events.size === 0) return;
    const clusters: Drawn[] = this.index.getClusters([-180, -85, 180, 85], this.zoomLevel());
    // Big tolls under small ones, so that no point hides another entirely.
    const drawn = clusters
      .map((cluster) => ({ cluster, event: isCluster(cluster) ? null : this.events.get(cluster.properties.id)! }))
      .sort((a, b) => (b.event ? tollOf(b.event) : 0) - (a.event ? tollOf(a.event) : 0));
    for (const { cluster, event } of drawn) {
      const [x, y] = this.screen(cluster.geometry.coordinates);
      const group = document.createElementNS(SVG_NS, "g");
      group.setAttribute("transform", `translate(${x.toFixed(1)},${y.toFixed(1)})`);
      group.setAttribute("tabindex", "0");
      group.setAttribute("role", "button");
      const circle = document.createElementNS(SVG_NS, "circle");
      const title = document.createElementNS(SVG_NS, "title");
      group.append(circle, title);
      if (event) {
        const toll = tollOf(event);
        const label = `${event.title}, ${event.date}${toll > 0 ? `, ${toll} killed` : ""}`;
        group.dataset.kind = "event";
        group.dataset.id = event.id;
        group.setAttribute("aria-label", label);
        group.classList.add("map-point");
        if (event.id === this.selected) group.classList.add("selected");
        circle.setAttribute("r", String(radiusOf(toll)));
        circle.setAttribute("fill", categoryColor(event.category));
        title.textContent = label;
        const choose = () => this.handlers.select(event.id);
        group.addEventListener("click", choose);
        group.addEventListener("keydown", (key) => {
          if (key.key === "Enter" || key.key === " ") {
            key.preventDefault();
            choose();
          }
        });
      } else if (isCluster(cluster)) {
        const count = cluster.properties.point_count;
        const clusterId = cluster.properties.cluster_id;
        const label = `${count} events here; Enter zooms in`;
        group.dataset.kind = "cluster";
        group.dataset.id = `cluster:${clusterId}`;
        group.dataset.count = String(count);
        group.setAttribute("aria-label", label);
        group.classList.add("map-cluster");
        circle.setAttribute("r", String(Math.min(28, 10 + 3 * Math.sqrt(count))));
        const text = document.createElementNS(SVG_NS, "text");
        text.setAttribute("text-anchor", "middle");
        text.setAttribute("dy", "0.35em");
        text.textContent = String(count);
        group.append(text);
        title.textContent = label;
        const expand = () => this.expand(clusterId, [x, y]);
        group.addEventListener("click", expand);
        group.addEventListener("keydown", (key) => {
          if (key.key === "Enter" || key.key === " ") {
            key.preventDefault();
            expand();
          }
        });
      }
      this.pointLayer.append(group);
    }
    // Redrawing replaces the elements: keep the keyboard where it was.
    if (focused) this.pointLayer.querySelector<SVGGElement>(`[data-id="${CSS.escape(focused)}"]`)?.focus();
  }

  /** Zooms in on a cluster until it falls apart, centred on it. */
  private expand(clusterId: number, [x, y]: [number, number]): void {
    const target = Math.min(16, this.index.getClusterExpansionZoom(clusterId));
    const factor = 2 ** (target - this.zoomLevel());
    const width = this.container.clientWidth;
    const height = this.container.clientHeight;
    const k = this.transform.k * Math.max(2, factor);
    // The cluster's point before the zoom, in the map's own coordinates, moved to the centre.
    const [mx, my] = this.transform.invert([x, y]);
    this.zoomBehavior.transform(this.svg, zoomIdentity.translate(width / 2 - mx * k, height / 2 - my * k).scale(k));
    this.pointLayer.querySelector<SVGGElement>("[data-kind]")?.focus();
  }
}
