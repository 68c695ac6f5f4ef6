INSERT INTO members (id, email) VALUES (1, 'a@x.org'), (2, 'a@x.org'), (3, 'a@x.org'), (4, 'b@x.org'), (5, NULL), (6, NULL);
