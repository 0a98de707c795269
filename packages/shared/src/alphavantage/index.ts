// Named exports of this area are listed here as it is built.
export {};
