"""What every source projects through: the read-model schema, the one batch prologue, the commune running totals,
upserts, the feed and the lag each projected batch writes."""
