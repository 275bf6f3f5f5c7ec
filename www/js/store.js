// The reports a reader added, kept in this browser (IndexedDB) for the next visit:
// { id, name, text, referenceYear (a number, or null to read it from the cover) }.
// Nothing is sent anywhere.

const DB = "derek";
const STORE = "reports";

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "id", autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, work) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const all = () => run("readonly", (s) => s.getAll());
export const put = (record) => run("readwrite", (s) => s.put(record));
export const remove = (id) => run("readwrite", (s) => s.delete(id));
