import type Database from 'better-sqlite3';
export function openDatabase(file: string): Database.Database;
