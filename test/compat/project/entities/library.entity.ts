import { Column, CreateDateColumn, Entity, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A few entities where TypeORM releases differ in what they create: a STORED generated column declared
 * without `nullable` (NOT NULL from late 0.3 on, nullable before), and a function default that contains a
 * datetime keyword without being one (0.3 replaces the whole expression by now(), 1.x keeps it).
 */
@Entity('compat_authors')
export class Author {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ length: 80 })
  name: string;

  @Column({ type: 'smallint', generatedType: 'STORED', asExpression: 'length("name")' })
  nameLength: number;

  @Column({ type: 'timestamptz', default: () => "date_trunc('day', CURRENT_TIMESTAMP)" })
  day: Date;

  @Column({ type: 'enum', enum: ['draft', 'live'], default: 'draft' })
  state: string;

  @OneToMany(() => Book, (book) => book.author)
  books: Book[];
}

@Entity('compat_books')
export class Book {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'numeric', precision: 8, scale: 2, default: 0 })
  price: string;

  @ManyToOne(() => Author, (author) => author.books, { onDelete: 'CASCADE' })
  author: Author;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
