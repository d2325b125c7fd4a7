"""What the apps' GraphQL types share: errors, locales, visibility, the Page interface, images,
rich text, StreamField unions and pagination."""
