import { MongoClient } from 'mongodb';

/** "FerretDB v1.24.2 (MongoDB 7.0.42 wire protocol)" or "MongoDB 8.0.4". */
export async function describeMongo(url: string): Promise<string> {
  const client = new MongoClient(url);
  try {
    const info = await client.db('admin').command({ buildInfo: 1 });
    return info.ferretdbVersion ? `FerretDB ${info.ferretdbVersion} (speaking MongoDB ${info.version})` : `MongoDB ${info.version}`;
  } finally {
    await client.close();
  }
}
