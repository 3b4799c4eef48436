/** `npm run analyze` writes custom-elements.json from the element's JSDoc. */
export default {
  globs: ['src/trending-recs.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // The analyzer also lists each `dispatchEvent(new XEvent())` call as a nameless
      // event; the named ones come from the class JSDoc's @fires.
      name: 'public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
            // Private members are no one's API: listing them would invite their use.
            if (declaration.members) declaration.members = declaration.members.filter((member) => member.privacy !== 'private');
          }
        }
      },
    },
  ],
};
