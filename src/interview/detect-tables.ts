import type { PackType } from '../types.js';

/** Dependency names (npm, PyPI, crates, Go modules, Maven artifacts, gems, composer) that say what a project is.
 *  First match in a group wins as the framework label. */
export interface FrameworkSignal {
  match: RegExp;
  framework: string;
  type: PackType;
}

export const FRAMEWORK_SIGNALS: readonly FrameworkSignal[] = [
  // Mobile and desktop first: they also pull in web frameworks (react-native has react).
  { match: /^expo$/, framework: 'Expo (React Native)', type: 'mobile' },
  { match: /^react-native$/, framework: 'React Native', type: 'mobile' },
  { match: /^@capacitor\/core$/, framework: 'Capacitor', type: 'mobile' },
  { match: /^@ionic\//, framework: 'Ionic', type: 'mobile' },
  { match: /^flutter$/, framework: 'Flutter', type: 'mobile' },
  { match: /^dotnet:maui$/, framework: '.NET MAUI', type: 'mobile' },
  { match: /^android-app$/, framework: 'Android (Kotlin/Java)', type: 'mobile' },
  { match: /^electron$/, framework: 'Electron', type: 'desktop' },
  { match: /^@tauri-apps\/(api|cli)$/, framework: 'Tauri', type: 'desktop' },
  { match: /^tauri$/, framework: 'Tauri', type: 'desktop' },
  { match: /^github\.com\/wailsapp\/wails/, framework: 'Wails', type: 'desktop' },
  { match: /^(pyside6|pyqt6|pyqt5)$/i, framework: 'Qt for Python', type: 'desktop' },
  { match: /^org\.openjfx:javafx/, framework: 'JavaFX', type: 'desktop' },
  { match: /^avalonia$/i, framework: 'Avalonia', type: 'desktop' },
  { match: /^dotnet:wpf$/, framework: 'WPF', type: 'desktop' },
  { match: /^dotnet:winui$/, framework: 'WinUI 3', type: 'desktop' },
  { match: /^dotnet:winforms$/, framework: 'Windows Forms', type: 'desktop' },
  // Backend.
  { match: /^@nestjs\/core$/, framework: 'NestJS', type: 'backend' },
  { match: /^fastify$/, framework: 'Fastify', type: 'backend' },
  { match: /^express$/, framework: 'Express', type: 'backend' },
  { match: /^hono$/, framework: 'Hono', type: 'backend' },
  { match: /^koa$/, framework: 'Koa', type: 'backend' },
  { match: /^@hapi\/hapi$/, framework: 'hapi', type: 'backend' },
  { match: /^django$/i, framework: 'Django', type: 'backend' },
  { match: /^fastapi$/i, framework: 'FastAPI', type: 'backend' },
  { match: /^flask$/i, framework: 'Flask', type: 'backend' },
  { match: /^org\.springframework\.boot:/, framework: 'Spring Boot', type: 'backend' },
  { match: /^io\.quarkus:/, framework: 'Quarkus', type: 'backend' },
  { match: /^io\.micronaut/, framework: 'Micronaut', type: 'backend' },
  { match: /^io\.ktor:/, framework: 'Ktor', type: 'backend' },
  { match: /^github\.com\/gin-gonic\/gin/, framework: 'Gin', type: 'backend' },
  { match: /^github\.com\/labstack\/echo/, framework: 'Echo', type: 'backend' },
  { match: /^github\.com\/gofiber\/fiber/, framework: 'Fiber', type: 'backend' },
  { match: /^github\.com\/go-chi\/chi/, framework: 'chi', type: 'backend' },
  { match: /^axum$/, framework: 'Axum', type: 'backend' },
  { match: /^actix-web$/, framework: 'Actix Web', type: 'backend' },
  { match: /^rocket$/, framework: 'Rocket', type: 'backend' },
  { match: /^rails$/, framework: 'Ruby on Rails', type: 'backend' },
  { match: /^sinatra$/, framework: 'Sinatra', type: 'backend' },
  { match: /^laravel\/framework$/, framework: 'Laravel', type: 'backend' },
  { match: /^symfony\/framework-bundle$/, framework: 'Symfony', type: 'backend' },
  { match: /^Microsoft\.NET\.Sdk\.Web$/, framework: 'ASP.NET Core', type: 'backend' },
  // Frontend (meta-frameworks before their UI library).
  { match: /^next$/, framework: 'Next.js', type: 'frontend' },
  { match: /^nuxt$/, framework: 'Nuxt', type: 'frontend' },
  { match: /^@sveltejs\/kit$/, framework: 'SvelteKit', type: 'frontend' },
  { match: /^@remix-run\/react$/, framework: 'Remix', type: 'frontend' },
  { match: /^@react-router\/dev$/, framework: 'React Router', type: 'frontend' },
  { match: /^@tanstack\/react-start$/, framework: 'TanStack Start', type: 'frontend' },
  { match: /^astro$/, framework: 'Astro', type: 'frontend' },
  { match: /^@angular\/core$/, framework: 'Angular', type: 'frontend' },
  { match: /^@builder\.io\/qwik$/, framework: 'Qwik', type: 'frontend' },
  { match: /^solid-js$/, framework: 'Solid', type: 'frontend' },
  { match: /^vue$/, framework: 'Vue', type: 'frontend' },
  { match: /^svelte$/, framework: 'Svelte', type: 'frontend' },
  { match: /^preact$/, framework: 'Preact', type: 'frontend' },
  { match: /^react$/, framework: 'React', type: 'frontend' },
];
