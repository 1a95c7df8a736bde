/**
 * Where the AWS regions are, for latency routing's local stand-in (Route 53 measures network
 * latency; lbkit ranks regions by great-circle distance instead). Each region is placed at the
 * city AWS names for it in "Regions and Availability Zones" (e.g. eu-west-1 = Ireland → Dublin),
 * at that city's latitude/longitude rounded to 0.1°; AWS does not publish data-centre locations.
 */
export const REGION_LOCATIONS: Readonly<Record<string, readonly [latitude: number, longitude: number]>> = {
  'us-east-1': [39.0, -77.5], // N. Virginia (Ashburn)
  'us-east-2': [40.0, -83.0], // Ohio (Columbus)
  'us-west-1': [37.4, -121.9], // N. California (San Jose)
  'us-west-2': [45.5, -122.7], // Oregon (Portland)
  'ca-central-1': [45.5, -73.6], // Canada (Montreal)
  'ca-west-1': [51.0, -114.1], // Calgary
  'mx-central-1': [20.6, -100.4], // Mexico (Querétaro)
  'sa-east-1': [-23.5, -46.6], // São Paulo
  'eu-west-1': [53.3, -6.3], // Ireland (Dublin)
  'eu-west-2': [51.5, -0.1], // London
  'eu-west-3': [48.9, 2.4], // Paris
  'eu-central-1': [50.1, 8.7], // Frankfurt
  'eu-central-2': [47.4, 8.5], // Zurich
  'eu-north-1': [59.3, 18.1], // Stockholm
  'eu-south-1': [45.5, 9.2], // Milan
  'eu-south-2': [41.6, -0.9], // Spain (Zaragoza)
  'il-central-1': [32.1, 34.8], // Tel Aviv
  'me-south-1': [26.1, 50.6], // Bahrain
  'me-central-1': [24.5, 54.4], // UAE (Abu Dhabi)
  'af-south-1': [-33.9, 18.4], // Cape Town
  'ap-east-1': [22.3, 114.2], // Hong Kong
  'ap-east-2': [25.0, 121.6], // Taipei
  'ap-south-1': [19.1, 72.9], // Mumbai
  'ap-south-2': [17.4, 78.5], // Hyderabad
  'ap-northeast-1': [35.7, 139.7], // Tokyo
  'ap-northeast-2': [37.6, 127.0], // Seoul
  'ap-northeast-3': [34.7, 135.5], // Osaka
  'ap-southeast-1': [1.3, 103.8], // Singapore
  'ap-southeast-2': [-33.9, 151.2], // Sydney
  'ap-southeast-3': [-6.2, 106.8], // Jakarta
  'ap-southeast-4': [-37.8, 145.0], // Melbourne
  'ap-southeast-5': [3.1, 101.7], // Malaysia (Kuala Lumpur)
  'ap-southeast-7': [13.8, 100.5], // Thailand (Bangkok)
  'cn-north-1': [39.9, 116.4], // Beijing
  'cn-northwest-1': [38.5, 106.3], // Ningxia (Yinchuan)
};

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance (haversine) between two points given in degrees. */
export function greatCircleKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b[0] - a[0]);
  const dLon = rad(b[1] - a[1]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[0])) * Math.cos(rad(b[0])) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** How far region `to` is from region `from`: 0 for the same region, Infinity when either is not in the table. */
export function regionDistanceKm(from: string, to: string): number {
  if (from === to) return 0;
  const a = REGION_LOCATIONS[from];
  const b = REGION_LOCATIONS[to];
  return a && b ? greatCircleKm(a, b) : Infinity;
}
