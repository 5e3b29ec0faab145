/**
 * Approximate centres of the demo districts (WGS84), used for distance when a school has not given its own
 * coordinates. Keyed by authority unit code; a unit not listed here falls back to its parent's entry.
 */
export const DISTRICT_CENTROIDS: Record<string, [number, number]> = {
  'gd-gz-nansha': [22.8016, 113.5255],
  'gd-gz-tianhe': [23.1246, 113.3612],
  'gd-gz': [23.1291, 113.2644],
  gd: [23.1291, 113.2644],
  'hk-ssp': [22.3303, 114.1622],
  'hk-klc': [22.3282, 114.1916],
  hk: [22.3193, 114.1694],
  'mo-peninsula': [22.1987, 113.5439],
  mo: [22.1987, 113.5439],
  'hb-wh-wuchang': [30.5539, 114.3162],
  'hb-wh': [30.5928, 114.3055],
  hb: [30.5928, 114.3055],
};
