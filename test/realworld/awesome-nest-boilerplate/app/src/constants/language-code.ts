/* eslint-disable @typescript-eslint/naming-convention */
export enum LanguageCode {
  en_US = 'en_US',
  ru_RU = 'ru_RU',
}

export const supportedLanguageCount = Object.values(LanguageCode).length;
