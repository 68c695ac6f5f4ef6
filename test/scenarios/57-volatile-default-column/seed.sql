INSERT INTO api_keys (id, label) VALUES (1, 'ci'), (2, 'deploy');
