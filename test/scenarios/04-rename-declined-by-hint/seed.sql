INSERT INTO profiles (id, bio, nickname) VALUES (1, 'about', 'gh'), (2, NULL, NULL), (3, 'x', 'nick');
