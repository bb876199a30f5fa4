// The statistics every run document shares: its duration and the round trips of its busiest host.

/** Duration (ms precision) and the round trips, most on one host and in total, of a run's host results. */
export function runStats(results: readonly { stats: { round_trips: number } }[], seconds: number) {
  const trips = results.map((result) => result.stats.round_trips);
  return {
    seconds: Math.round(seconds * 1000) / 1000,
    round_trips_max: trips.length ? Math.max(...trips) : 0,
    round_trips_total: trips.reduce((sum, trip) => sum + trip, 0),
  };
}
