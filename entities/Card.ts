import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { User } from './User';

export enum CardStatus {
  Active = 'active',
  Frozen = 'frozen',
  Closed = 'closed',
}

@Entity({ name: 'cards' })
export class Card {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 4 })
  last4: string;

  // The example's pending model change: migrations/ does not create this column yet, so the
  // README's main command has a migration to write.
  @Column({ type: 'varchar', length: 40, nullable: true })
  nickname: string | null;

  @Column({ type: 'enum', enum: CardStatus, default: CardStatus.Active })
  status: CardStatus;

  @ManyToOne('User', (user: User) => user.cards, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id' })
  owner: User;

  @Index()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
