export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body style={{ margin: "0 auto", maxWidth: "46rem", padding: "1rem", font: "18px/1.6 Georgia, serif" }}>
        {children}
      </body>
    </html>
  );
}
