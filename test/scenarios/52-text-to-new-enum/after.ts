import { col, table } from '../_lib/entity';

export default [
  table('cards', { suit: col('enum', { enum: ['hearts', 'spades'], enumName: 'card_suit' }) }),
];
