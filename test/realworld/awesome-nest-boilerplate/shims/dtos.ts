/**
 * Stand-ins for the app's DTO classes (not vendored: they pull in @nestjs/swagger, class-validator and
 * class-transformer). The entities only hand the class to @UseDto, which stores it on the prototype.
 */
export class PostDto {}
export class PostTranslationDto {}
export class UserDto {}
