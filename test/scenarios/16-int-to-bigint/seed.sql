INSERT INTO counters (id, hits) SELECT g, g * 1000 FROM generate_series(1, 12) g;
