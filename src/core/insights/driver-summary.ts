import type { KeyDrivers } from '../../contracts/index.js';
import type { DriversSummary, ThemeLookup, ThemeRow } from './theme-rows.js';

/** The key-driver model with each driver's theme name, as `--json`, the report and the API show it. */
export function driversSummary(drivers: KeyDrivers | null | undefined, info: ThemeLookup): DriversSummary | null {
  if (!drivers) return null;
  return { ...drivers, drivers: drivers.drivers.map((d) => ({ ...d, name: info(d.themeId)?.name ?? d.themeId })) };
}

/** Puts each theme's driver attribution on its row, so the table shows it next to the impact. */
export function withDrivers(rows: readonly ThemeRow[], drivers: KeyDrivers | null | undefined): ThemeRow[] {
  const byTheme = new Map((drivers?.drivers ?? []).map((d) => [d.themeId, d]));
  return rows.map((r) => ({ ...r, driver: byTheme.get(r.id) ?? null }));
}
