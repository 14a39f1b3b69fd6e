// Server-side clustering: one supercluster index per filter, queried per viewport and zoom, so a
// browser draws a few hundred markers whatever the number of events (50,000 in the benchmark).

import Supercluster, { type ClusterProperties, type PointFeature } from 'supercluster';
import type { EventPoint } from '../../store/types.js';

/** ACLED's six event types in a fixed order: a cluster counts its events per type by this index. */
export const EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
] as const;
const OTHER = EVENT_TYPES.length;

interface PointProps {
  i: number;
}

interface ClusterProps {
  fatalities: number;
  /** Events per EVENT_TYPES index, then one for any other type. */
  types: number[];
}

export type ClusterIndex = Supercluster<PointProps, ClusterProps>;

export interface MapCluster {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    cluster: true;
    clusterId: number;
    count: number;
    fatalities: number;
    /** Counts per event type (EVENT_TYPES order, then other). */
    types: number[];
    /** The zoom at which it splits; above MAX_ZOOM its events share one place. */
    expansionZoom: number;
  };
}

export interface PointProperties {
  cluster: false;
  id: string;
  eventType: string;
  subEventType: string;
  fatalities: number | null;
  date: string | null;
  location: string | null;
  locationAr: string | null;
  sample: boolean;
}

export interface MapPoint {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: PointProperties;
}

/** Above zoom 14 (a town) events are no longer merged; events at the very same place stay a cluster. */
export const MAX_ZOOM = 14;
/** 60 px: markers up to about 28 px across never overlap. */
const RADIUS = 60;

function typeIndex(t: string): number {
  const i = (EVENT_TYPES as readonly string[]).indexOf(t);
  return i < 0 ? OTHER : i;
}

export function located(p: EventPoint): boolean {
  return p.latitude !== null && p.longitude !== null && Number.isFinite(p.latitude) && Number.isFinite(p.longitude);
}

export function buildIndex(points: readonly EventPoint[]): ClusterIndex {
  const index: ClusterIndex = new Supercluster<PointProps, ClusterProps>({
    radius: RADIUS,
    maxZoom: MAX_ZOOM,
    map: (p) => {
      const e = points[p.i];
      const types = new Array<number>(OTHER + 1).fill(0);
      types[typeIndex(e.eventType)] = 1;
      return { fatalities: e.fatalities ?? 0, types };
    },
    reduce: (acc, p) => {
      acc.fatalities += p.fatalities;
      // A new array: supercluster copies cluster properties shallowly, so mutating `types` in
      // place would also change the cluster one zoom level up and count its events twice.
      acc.types = acc.types.map((n, k) => n + p.types[k]);
    },
  });
  const features: PointFeature<PointProps>[] = [];
  points.forEach((e, i) => {
    if (located(e)) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [e.longitude!, e.latitude!] }, properties: { i } });
  });
  return index.load(features);
}

export function pointProperties(e: EventPoint, isSample: (p: EventPoint) => boolean): PointProperties {
  return {
    cluster: false,
    id: e.id,
    eventType: e.eventType,
    subEventType: e.subEventType,
    fatalities: e.fatalities,
    date: e.eventDate,
    location: e.location,
    locationAr: e.locationAr,
    sample: isSample(e),
  };
}

/** Clusters and single events inside a box at a zoom level. */
export function queryIndex(
  index: ClusterIndex, points: readonly EventPoint[], bbox: [number, number, number, number], zoom: number,
  isSample: (p: EventPoint) => boolean,
): Array<MapCluster | MapPoint> {
  const z = Math.max(0, Math.min(Math.floor(zoom), MAX_ZOOM + 1));
  return index.getClusters(bbox, z).map((f) => {
    const [lon, lat] = f.geometry.coordinates as [number, number];
    const geometry = { type: 'Point' as const, coordinates: [lon, lat] as [number, number] };
    if ('cluster' in f.properties && f.properties.cluster) {
      const c = f.properties as ClusterProperties & ClusterProps;
      return {
        type: 'Feature' as const,
        geometry,
        properties: {
          cluster: true as const,
          clusterId: c.cluster_id,
          count: c.point_count,
          fatalities: c.fatalities,
          types: c.types,
          expansionZoom: index.getClusterExpansionZoom(c.cluster_id),
        },
      };
    }
    const e = points[(f.properties as PointProps).i];
    // The event's own coordinates: supercluster's pass through its projection loses the last digit.
    return {
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [e.longitude!, e.latitude!] as [number, number] },
      properties: pointProperties(e, isSample),
    };
  });
}

/** The events of one cluster (at most `limit`), for a cluster whose events share one place. */
export function clusterLeaves(
  index: ClusterIndex, points: readonly EventPoint[], clusterId: number, limit: number, isSample: (p: EventPoint) => boolean,
): PointProperties[] | null {
  try {
    return index.getLeaves(clusterId, limit).map((f) => pointProperties(points[f.properties.i], isSample));
  } catch {
    // supercluster throws "No cluster with the specified id": an id from an older index.
    return null;
  }
}
