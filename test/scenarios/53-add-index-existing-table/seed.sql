INSERT INTO visits (id, path) SELECT g, '/p/' || g FROM generate_series(1, 25) g;
