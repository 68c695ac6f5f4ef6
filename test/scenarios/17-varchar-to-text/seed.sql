INSERT INTO articles (id, title) VALUES (1, 'On Computable Numbers'), (2, '');
