INSERT INTO tags (id, label, color, weight) VALUES (1, 'red', '#ff0000', 3), (2, 'blue', NULL, NULL);
