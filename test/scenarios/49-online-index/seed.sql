INSERT INTO events (id, kind) SELECT g, 'k' || (g % 3) FROM generate_series(1, 20) g;
