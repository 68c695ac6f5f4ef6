export enum RoleType {
  USER = 'USER',
  ADMIN = 'ADMIN',
}
